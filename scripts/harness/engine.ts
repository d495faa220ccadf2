/**
 * Stops a local Bilt engine that the extension may have started in a run's throwaway data dir: the
 * engine is shared by windows, so it can outlive the VS Code that started it. Uses the engine's own
 * `stop` command; a no-op when the data dir has no running engine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export function stopLocalEngine(repo: string, dataDir: string, log: (msg: string) => void): void {
  const engine = path.join(repo, 'dist/engine.js');
  if (!existsSync(path.join(dataDir, 'engine.json')) || !existsSync(engine)) {
    return;
  }
  try {
    execFileSync(process.execPath, [engine, 'stop', '--data-dir', dataDir], { stdio: 'ignore', timeout: 15_000 });
    log(`stopped the local engine in ${dataDir}`);
  } catch {
    // no engine left to stop
  }
}
