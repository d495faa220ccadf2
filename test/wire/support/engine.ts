/**
 * Spawns the built engine (dist/engine.js) as a child process, reads its ready line, and stops it.
 * Every spawned engine is remembered and killed when the test process exits, whatever happened.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../support/tmp';

export const ENGINE_JS = path.resolve(__dirname, '../../../dist/engine.js');
export const SCENARIOS = path.resolve(__dirname, '../../fixtures/scenarios');
export const scenario = (name: string) => path.join(SCENARIOS, name);

/** The engine's ready line (also its discovery record). */
export interface Ready {
  url: string;
  mcpUrl: string;
  liveMcpUrl: string;
  eventsUrl: string;
  token: string;
  pid: number;
  version: string;
  agent: string;
  dataDir: string;
  startedAt: string;
}

export interface EngineOptions {
  /** File name in test/fixtures/scenarios (the built-in scenario when absent). */
  scenario?: string;
  /** Emulator time scale (default 0: no waiting). */
  speed?: number;
  /** More CLI flags, e.g. ['--wait-timeout', '1']. */
  flags?: string[];
}

export interface RunningEngine {
  readonly ready: Ready;
  readonly port: number;
  readonly process: ChildProcess;
  /** Everything the engine wrote to stderr so far (diagnostics for failures). */
  stderr(): string;
  /** SIGTERM, then SIGKILL if it has not exited within the grace; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const p of running) p.kill('SIGKILL');
});

function exited(p: ChildProcess): Promise<number | null> {
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve(p.exitCode);
  return new Promise((resolve) => p.once('exit', (code) => resolve(code)));
}

export async function startEngine(options: EngineOptions = {}, readyTimeoutMs = 15_000): Promise<RunningEngine> {
  if (!existsSync(ENGINE_JS)) throw new Error(`${ENGINE_JS} is missing: run "npm run build" first`);
  const args = [ENGINE_JS, 'serve', '--data-dir', tempDir('bilt-wire-'), '--agent', 'emulator', '--speed', String(options.speed ?? 0)];
  if (options.scenario) args.push('--scenario', scenario(options.scenario));
  args.push(...(options.flags ?? []));
  const env = { ...process.env };
  delete env['BILT_ENGINE_TOKEN'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));

  const ready = await new Promise<Ready>((resolve, reject) => {
    let out = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`engine did not start: ${why}\nargs: ${args.join(' ')}\nstderr:\n${err}`));
    };
    const timer = setTimeout(() => fail(`no ready line within ${readyTimeoutMs} ms`), readyTimeoutMs);
    child.once('exit', (code, signal) => fail(`exited (code ${code}, signal ${signal}) before its ready line`));
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl < 0) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.once('exit', () => running.delete(child));
      try {
        resolve(JSON.parse(out.slice(0, nl)) as Ready);
      } catch {
        fail(`the ready line is not JSON: ${out.slice(0, nl)}`);
      }
    });
  });

  return {
    ready,
    port: Number(new URL(ready.url).port),
    process: child,
    stderr: () => err,
    async stop(graceMs = 5000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const done = exited(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      try {
        return await done;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
