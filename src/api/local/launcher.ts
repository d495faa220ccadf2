/**
 * Finds the local engine through its discovery file, or starts one (its own detached process, on the
 * same runtime as the caller: VS Code's when the caller runs inside VS Code) and waits for its ready
 * line. Used by the bridge and the extension; concurrent starters are safe because the engine itself
 * allows one instance per data dir and the loser reports the winner.
 */
import { spawn } from 'node:child_process';
import { openSync, closeSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { BiltError } from '../../core/errors';
import { Discovery, defaultDataDir, probe, readDiscovery } from './discovery';

export interface LaunchOptions {
  /** Path of dist/engine.js. */
  engineScript: string;
  dataDir?: string;
  /** Extra `serve` flags (e.g. ['--demo']). */
  args?: string[];
  /** How long to wait for the ready line. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

export async function findEngine(dataDir = defaultDataDir()): Promise<Discovery | undefined> {
  const d = await readDiscovery(dataDir);
  return d && (await probe(d)) ? d : undefined;
}

export async function findOrStartEngine(o: LaunchOptions): Promise<Discovery> {
  const dataDir = o.dataDir ?? defaultDataDir(o.env);
  const running = await findEngine(dataDir);
  if (running) {
    return running;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // the engine's diagnostics go to a file beside its state; stdout carries only the ready line
  const logFd = openSync(path.join(dataDir, 'engine.log'), 'a', 0o600);
  const child = spawn(process.execPath, [o.engineScript, 'serve', '--data-dir', dataDir, ...(o.args ?? [])], {
    detached: true,
    stdio: ['ignore', 'pipe', logFd],
    env: { ...process.env, ...o.env, ELECTRON_RUN_AS_NODE: '1' },
    windowsHide: true,
  });
  closeSync(logFd);
  const lines = readline.createInterface({ input: child.stdout! });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new BiltError('unavailable', 'The local engine did not start in time', {
              message: `see ${path.join(dataDir, 'engine.log')}`,
            }),
          ),
        o.timeoutMs ?? 15_000,
      );
      lines.once('line', (l) => {
        clearTimeout(timer);
        resolve(l);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(
          new BiltError('unavailable', `The local engine exited (code ${code}) before it was ready`, {
            message: `see ${path.join(dataDir, 'engine.log')}`,
          }),
        );
      });
    });
    return Discovery.parse(JSON.parse(line));
  } finally {
    lines.close();
    child.stdout?.destroy();
    child.unref();
  }
}

const pidAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Stops the engine of a data dir (SIGTERM to the pid its discovery file names, only after the engine
 * answered as that pid, so a stale file never signals an unrelated process) and waits until it is gone.
 * Resolves with the stopped pid, or undefined when no engine answered.
 */
export async function stopEngine(dataDir = defaultDataDir(), timeoutMs = 10_000): Promise<number | undefined> {
  const d = await findEngine(dataDir);
  if (!d) {
    return undefined;
  }
  process.kill(d.pid, 'SIGTERM');
  for (const end = Date.now() + timeoutMs; pidAlive(d.pid) && Date.now() < end;) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (pidAlive(d.pid)) {
    throw new BiltError(
      'unavailable',
      `The local engine (pid ${d.pid}) did not stop within ${Math.round(timeoutMs / 1000)} s`,
    );
  }
  return d.pid;
}
