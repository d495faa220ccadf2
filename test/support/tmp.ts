/** Temporary directories removed after the test file (or the process) ends. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

export function tempDir(prefix = 'bilt-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const d of made.splice(0)) {
    rmSync(d, { recursive: true, force: true });
  }
}

process.once('exit', cleanupTempDirs);
