/**
 * The fuzzer, quick version (10,000 inputs: `npm run faults`): a few hundred generated inputs over
 * every tool of both MCP contracts and the Session API; no crash, no 5xx, no internal error, no error
 * that echoes the input at length, every answer within the bound, the engine serving afterwards.
 */
import assert from 'node:assert/strict';
import { runFuzz } from '../../scripts/faults/fuzz';

describe('wire: fuzzing the engine (quick)', function () {
  this.timeout(60_000);

  it('answers 400 generated inputs, each within 15 s, without a crash, a 5xx or an internal error', async () => {
    const r = await runFuzz({ count: 400, seed: 20260 });
    const problems = r.problems.map(
      (p) => `${p.answer.verdict} ${p.request.target} (${p.request.mutation}): ${p.answer.detail}`,
    );
    assert.deepEqual(problems, []);
    assert.equal(r.verdicts.ok, 400);
    assert.ok(r.stillServing, 'the engine still serves');
  });
});
