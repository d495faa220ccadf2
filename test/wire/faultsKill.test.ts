/**
 * kill -9 at random moments, quick version (100 cycles: `npm run faults`): two cycles, one with the
 * emulator and one with the command agent, three clients busy each time. Everything acknowledged is
 * there after each restart, nothing is left running, and an interrupted workflow resumes.
 */
import assert from 'node:assert/strict';
import { runKillLoop } from '../../scripts/faults/killLoop';

describe('wire: kill -9 while clients work (quick)', function () {
  this.timeout(90_000);

  it('two kills: every acknowledged call survives, no agent process is left, interrupted work resumes', async () => {
    const r = await runKillLoop({ cycles: 2, seed: 7 });
    assert.deepEqual(r.problems, []);
    assert.equal(r.leftoverProcesses, 0);
    assert.ok(r.workflows > 0 && r.projects > 0, `the clients did work (${JSON.stringify(r.calls)})`);
  });
});
