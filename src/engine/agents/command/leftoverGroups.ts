/**
 * At start-up, before recovery marks their workflows interrupted: stop the command agent's process
 * groups a killed engine left running (their records: groupRecords.ts). SIGTERM, then SIGKILL after
 * the grace. Only a group that is still the recorded one is signalled: its leader has the recorded
 * start time, or, with the leader gone, a member still carries the workflow's BILT_WORKFLOW_ID
 * (Linux). A command the engine was starting when it was killed has no group id on record: on Linux
 * its group is found by that same environment variable.
 */
import { readFileSync } from 'node:fs';
import { processStartTime } from '../../cli/processIdentity';
import type { GroupRecord, GroupRecords } from './groupRecords';
import { groupAlive, groupMembers, groupsCarrying, signalGroup, waitUntil } from './processGroup';

const workflowMarker = (workflowId: string) => `BILT_WORKFLOW_ID=${workflowId}\0`;

/** Whether the group a record names is still that group (a reused pid is left alone). */
function stillOurs(record: GroupRecord): boolean {
  if (!groupAlive(record.pgid)) {
    return false;
  }
  const leaderStartTime = processStartTime(record.pgid);
  if (leaderStartTime !== undefined) {
    return record.leaderStartTime === undefined || leaderStartTime === record.leaderStartTime;
  }
  if (process.platform !== 'linux') {
    return true; // the leader is gone; a group id is not reused while the group has members
  }
  return groupMembers(record.pgid).some((pid) => {
    try {
      return readFileSync(`/proc/${pid}/environ`, 'utf8').includes(workflowMarker(record.workflowId));
    } catch {
      return false;
    }
  });
}

/** Stops what a killed engine left running; removes every record. Returns how many groups it stopped. */
export async function stopLeftoverGroups(
  records: GroupRecords,
  log: (line: string) => void,
  graceMs = 3000,
): Promise<number> {
  const { groups, starting } = records.read();
  const targets = new Map<number, string>();
  for (const r of groups.filter(stillOurs)) {
    targets.set(r.pgid, `workflow ${r.workflowId}, engine pid ${r.enginePid}`);
  }
  for (const s of starting) {
    for (const pgid of groupsCarrying(workflowMarker(s.workflowId))) {
      targets.set(pgid, `workflow ${s.workflowId} (being started), engine pid ${s.enginePid}`);
    }
  }
  for (const [pgid, what] of targets) {
    log(`stopping agent process group ${pgid} left running by a killed engine (${what})`);
    signalGroup(pgid, 'SIGTERM');
  }
  const allGone = () => [...targets.keys()].every((pgid) => !groupAlive(pgid));
  if (!(await waitUntil(allGone, Date.now() + graceMs))) {
    [...targets.keys()].filter(groupAlive).forEach((pgid) => signalGroup(pgid, 'SIGKILL'));
    await waitUntil(allGone, Date.now() + 2000);
  }
  groups.forEach((r) => records.ended(r.pgid, r.workflowId));
  starting.forEach((s) => records.ended(undefined, s.workflowId));
  return targets.size;
}
