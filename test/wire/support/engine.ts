/**
 * An engine for the wire tests: the emulator (a scenario from test/fixtures/scenarios, a speed) unless
 * another agent is named; a fresh data dir unless one is given.
 */
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { startEngine as startProcess, type Ready } from '../../support/engineProcess';
import { tempDir } from '../../support/tmp';

export type { Ready };
export const SCENARIOS = path.resolve(__dirname, '../../fixtures/scenarios');
export const scenario = (name: string) => path.join(SCENARIOS, name);

export interface EngineOptions {
  /** The agent (default emulator: the scripted one these tests rely on). */
  agent?: string;
  /** The data dir (default: a fresh one). */
  dataDir?: string;
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
  stderr(): string;
  /** SIGTERM, then SIGKILL if it has not exited within the grace; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | null>;
}

export async function startEngine(options: EngineOptions = {}): Promise<RunningEngine> {
  const agent = options.agent ?? 'emulator';
  const args = ['--data-dir', options.dataDir ?? tempDir('bilt-wire-'), '--agent', agent];
  if (agent === 'emulator') {
    args.push('--speed', String(options.speed ?? 0));
  }
  if (options.scenario) {
    args.push('--scenario', scenario(options.scenario));
  }
  args.push(...(options.flags ?? []));
  const e = await startProcess(args);
  return {
    ready: e.ready,
    port: Number(new URL(e.ready.url).port),
    process: e.child,
    stderr: e.stderr,
    stop: async (graceMs = 5000) => {
      const r = await e.stop('SIGTERM', graceMs);
      return typeof r === 'number' ? r : null;
    },
  };
}
