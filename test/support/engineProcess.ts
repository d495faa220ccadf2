/** Spawns dist/engine.js as its own process and reads its ready line (for tests that need a real process). */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Discovery } from '../../src/api/local/discovery';

export const ENGINE_JS = path.resolve(__dirname, '../../dist/engine.js');

/** The ready line: the discovery record, plus alreadyRunning when another engine owns the data dir. */
export type Ready = Discovery & { alreadyRunning?: boolean };

export interface EngineProcess {
  ready: Ready;
  child: ChildProcess;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  /** Sends `signal` (SIGTERM by default), then SIGKILL if it has not exited within graceMs. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<number | string>;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) {
    c.kill('SIGKILL');
  }
});

/** Any engine command; the environment never inherits a BILT_ENGINE_TOKEN unless `env` sets one. */
export function runEngine(args: string[], env: NodeJS.ProcessEnv = {}, readyTimeoutMs = 15_000) {
  if (!existsSync(ENGINE_JS)) {
    throw new Error(`${ENGINE_JS} is missing: run "npm run build" first`);
  }
  const base = { ...process.env };
  delete base['BILT_ENGINE_TOKEN'];
  const child = spawn(process.execPath, [ENGINE_JS, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...base, ...env },
  });
  live.add(child);
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(code ?? signal ?? -1);
    }),
  );
  const lines = readline.createInterface({ input: child.stdout! });
  const firstLine = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no first line within ${readyTimeoutMs} ms; stderr:\n${err}`)),
      readyTimeoutMs,
    );
    lines.once('line', (l) => {
      clearTimeout(timer);
      resolve(l);
    });
    void exited.then((c) => {
      clearTimeout(timer);
      reject(new Error(`engine exited (${c}) before its first line; args: ${args.join(' ')}; stderr:\n${err}`));
    });
  });
  firstLine.catch(() => undefined);
  return { child, exited, firstLine, stderr: () => err };
}

export async function startEngine(args: string[], env: NodeJS.ProcessEnv = {}): Promise<EngineProcess> {
  const r = runEngine(['serve', ...args], env);
  const ready = JSON.parse(await r.firstLine) as Ready;
  return {
    ready,
    child: r.child,
    stderr: r.stderr,
    exited: r.exited,
    stop: async (signal = 'SIGTERM', graceMs = 5000) => {
      if (r.child.exitCode !== null || r.child.signalCode !== null) {
        return r.exited;
      }
      r.child.kill(signal);
      const timer = setTimeout(() => r.child.kill('SIGKILL'), graceMs);
      try {
        return await r.exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
