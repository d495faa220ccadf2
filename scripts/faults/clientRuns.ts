/**
 * The client checks of the long suite: each check of clientFaults.ts repeated, and the server's
 * outage at several lengths, against one engine behind the fault-injecting proxy.
 */
import path from 'node:path';
import { startEngine } from '../../test/support/engineProcess';
import { tempDir } from '../../test/support/tmp';
import {
  brokenAnswerStream,
  failuresDoNotDuplicateSends,
  faultBench,
  rateLimitedRead,
  slowServer,
  type FaultBench,
} from './clientFaults';
import { rateLimitedState, serverMoves } from './storeFaults';

export interface ClientCheckResult {
  check: string;
  runs: number;
  failures: string[];
  /** Each run's numbers. */
  numbers: Array<Record<string, number>>;
}

const SCENARIO = path.resolve(__dirname, '../../test/fixtures/scenarios/quick.json');

export async function runClientChecks(o: {
  repeat: number;
  outagesMs: number[];
  log?: (line: string) => void;
}): Promise<ClientCheckResult[]> {
  const engine = await startEngine([
    ...['--data-dir', tempDir('bilt-client-faults-'), '--agent', 'emulator', '--speed', '0', '--scenario', SCENARIO],
    ...['--projects-per-hour', '100000', '--max-projects', '100000'],
  ]);
  const bench = await faultBench(engine.ready.url, engine.ready.token);
  const checks: Array<[string, number, (b: FaultBench, i: number) => Promise<Record<string, number>>]> = [
    ['429 with Retry-After, twice (a read)', o.repeat, (b) => rateLimitedRead(b, 2)],
    ['500s and dropped connections (reads retried, sends never twice)', o.repeat, failuresDoNotDuplicateSends],
    ['the answer stream cut mid-way', o.repeat, brokenAnswerStream],
    ['a slow server (1.5 s per request)', o.repeat, (b) => slowServer(b, 1500)],
    ['a Retry-After of 2 minutes (the store shows it)', Math.min(2, o.repeat), rateLimitedState],
    ['the server dies and returns on another port', o.outagesMs.length, (b, i) => serverMoves(b, o.outagesMs[i]!)],
  ];
  const results: ClientCheckResult[] = [];
  try {
    for (const [check, runs, run] of checks) {
      const result: ClientCheckResult = { check, runs, failures: [], numbers: [] };
      for (let i = 0; i < runs; i++) {
        try {
          result.numbers.push(await run(bench, i));
        } catch (e) {
          result.failures.push(e instanceof Error ? e.message.split('\n')[0]! : String(e));
        }
      }
      o.log?.(`client: ${check}: ${runs - result.failures.length}/${runs} passed`);
      results.push(result);
    }
  } finally {
    await bench.close();
    await engine.stop();
  }
  return results;
}
