/** Spawns dist/engine.js as its own process and reads its ready line (for tests that need a real process). */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export const ENGINE_JS = path.resolve(__dirname, '../../dist/engine.js');

export interface Ready {
  url: string;
  mcpUrl: string;
  liveMcpUrl: string;
  eventsUrl: string;
  token: string;
  pid: number;
  dataDir: string;
  alreadyRunning?: boolean;
}

export interface EngineProcess {
  ready: Ready;
  child: ChildProcess;
  stderr(): string;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

export function runEngine(args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; exited: Promise<number | string>; firstLine: Promise<string>; stderr(): string } {
  const child = spawn(process.execPath, [ENGINE_JS, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  live.add(child);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve(code ?? signal ?? -1);
    }),
  );
  const lines = readline.createInterface({ input: child.stdout! });
  const firstLine = new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    void exited.then((c) => reject(new Error(`engine exited (${c}) before its ready line: ${err}`)));
  });
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
    stop: (signal = 'SIGTERM') => {
      if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill(signal);
      return r.exited;
    },
  };
}
