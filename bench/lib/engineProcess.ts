/**
 * The engine as users run it (dist/engine.js serve): how long a start takes until the ready line, and
 * how much memory it took (peak and current resident set, from /proc on Linux).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const ENGINE_JS = path.resolve(__dirname, '../../dist/engine.js');

export interface Start {
  readyMs: number;
  /** Peak resident set (VmHWM), MB; undefined off Linux. */
  peakRssMb: number | undefined;
  /** Resident set once ready (VmRSS), MB. */
  rssMb: number | undefined;
  ready: { url: string; mcpUrl: string; token: string };
}

function procStatusMb(pid: number, field: string): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Starts the engine on dataDir, measures, and leaves it running; `stop()` ends it. */
export async function startEngine(
  dataDir: string,
  flags: string[] = [],
  engineJs = ENGINE_JS,
): Promise<Start & { stop(): Promise<void> }> {
  const started = performance.now();
  const child = spawn(process.execPath, [engineJs, 'serve', '--data-dir', dataDir, ...flags], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BILT_ENGINE_TOKEN: '' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', resolve);
    void exited.then(() => reject(new Error(`the engine exited before it was ready: ${stderr}`)));
  });
  const readyMs = performance.now() - started;
  const pid = child.pid!;
  return {
    readyMs,
    peakRssMb: procStatusMb(pid, 'VmHWM'),
    rssMb: procStatusMb(pid, 'VmRSS'),
    ready: JSON.parse(line) as Start['ready'],
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
