/**
 * What a killed engine's command agent left running is stopped by the next engine: recorded groups
 * that are still the recorded ones, and the group of a command the engine was starting when it died
 * (found by its workflow's environment). A group whose recorded identity does not match is left alone.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GroupRecords } from '../../../../src/engine/agents/command/groupRecords';
import { stopLeftoverGroups } from '../../../../src/engine/agents/command/leftoverGroups';
import { groupAlive } from '../../../../src/engine/agents/command/processGroup';
import { tempDir } from '../../../support/tmp';

/** A process group of its own (a leader and a child), as a command agent's run is. */
function group(workflowId: string): ChildProcess {
  const script =
    "require('child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']); setTimeout(() => {}, 60000)";
  return spawn(process.execPath, ['-e', script], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, BILT_WORKFLOW_ID: workflowId },
  });
}

(process.platform === 'linux' ? describe : describe.skip)('command agent: groups a killed engine left', () => {
  const started: ChildProcess[] = [];
  after(() => started.forEach((p) => p.pid && groupAlive(p.pid) && process.kill(-p.pid, 'SIGKILL')));

  it('stops a recorded group, and the group of a command that was being started; removes the records', async () => {
    const records = GroupRecords.forDataDir(tempDir());
    const recorded = group('wf-recorded');
    const unrecorded = group('wf-being-started');
    started.push(recorded, unrecorded);
    records.started(recorded.pid!, 'wf-recorded');
    records.starting('wf-being-started'); // the engine died before it could record the group id
    const stopped = await stopLeftoverGroups(records, () => undefined, 2000);
    assert.equal(stopped, 2);
    assert.equal(groupAlive(recorded.pid!), false, 'the recorded group is gone');
    assert.equal(groupAlive(unrecorded.pid!), false, 'the group being started is gone');
    assert.deepEqual(existsSync(records.dir) ? readdirSync(records.dir) : [], [], 'no record is left');
  });

  it('leaves alone a group whose leader is another process than the one recorded (a reused pid)', async () => {
    const dir = tempDir();
    const records = GroupRecords.forDataDir(dir);
    const other = group('wf-other');
    started.push(other);
    records.started(other.pid!, 'wf-old');
    const file = path.join(records.dir, `${other.pid}.json`);
    const record = JSON.parse(readFileSync(file, 'utf8')) as { leaderStartTime: string };
    writeFileSync(file, JSON.stringify({ ...record, leaderStartTime: 'another-boot:1' }));
    assert.equal(await stopLeftoverGroups(records, () => undefined, 500), 0);
    assert.equal(groupAlive(other.pid!), true, 'a process that is not ours is not signalled');
  });
});
