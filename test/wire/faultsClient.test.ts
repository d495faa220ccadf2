/**
 * The client against a faulty server, quick version (the long one: `npm run faults`): 429 with
 * Retry-After, 500s, dropped connections, a slow server, a server that dies and returns on another
 * port. Checks in scripts/faults/clientFaults.ts.
 */
import {
  brokenAnswerStream,
  failuresDoNotDuplicateSends,
  faultBench,
  rateLimitedRead,
  slowServer,
  type FaultBench,
} from '../../scripts/faults/clientFaults';
import { rateLimitedState, serverMoves } from '../../scripts/faults/storeFaults';
import { startEngine, type RunningEngine } from './support/engine';

describe('wire: the client against a faulty server', function () {
  this.timeout(40_000);
  let engine: RunningEngine;
  let bench: FaultBench;
  before(async () => {
    engine = await startEngine({ scenario: 'quick.json', flags: ['--projects-per-hour', '1000'] });
    bench = await faultBench(engine.ready.url, engine.ready.token);
  });
  after(async () => {
    await bench?.close();
    await engine?.stop();
  });

  it('429 with Retry-After: the client waits as told, then the read succeeds', () => rateLimitedRead(bench, 1));
  it('500s and dropped connections: reads are retried; a send is never made twice', () =>
    failuresDoNotDuplicateSends(bench));
  it('the answer stream breaks mid-way: the call fails at once, a send is not repeated', () =>
    brokenAnswerStream(bench));
  it('a slow server: calls take longer and still succeed', () => slowServer(bench, 200));
  it('a long Retry-After: the store shows rate limited until then', () => rateLimitedState(bench));
  it('the server dies and returns on another port: unreachable while away, live again within 10 s', () =>
    serverMoves(bench, 1000));
});
