/**
 * The command agent's running process groups, recorded in the data dir from just before a run starts
 * until it ends: `agent-groups/workflow-<id>.json` while the command is being started (its group id
 * is not known until the process exists), then `agent-groups/<pgid>.json` (the group id, its leader's
 * start time, the workflow). Node has no PR_SET_PDEATHSIG: an engine killed with SIGKILL cannot stop
 * its agents, and they run in groups of their own, so they would outlive it; the next engine reads
 * these records and stops what is left (leftoverGroups.ts). Written without fsync: a killed process
 * loses no written data, and a machine crash leaves no processes to stop. Never throws: a record that
 * cannot be written (a full disk) does not stop the run; its group is then not stopped after a crash.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { processStartTime } from '../../cli/processIdentity';
import type { ProcessGroupLog } from '../types';
import { isWindows } from './processGroup';

export const GROUP_RECORDS_DIR = 'agent-groups';

export const GroupRecord = z.object({
  pgid: z.number().int().positive(),
  leaderStartTime: z.string().optional(),
  workflowId: z.string(),
  enginePid: z.number().int(),
});
export type GroupRecord = z.infer<typeof GroupRecord>;

export const StartingRecord = z.object({ workflowId: z.string(), enginePid: z.number().int() });
export type StartingRecord = z.infer<typeof StartingRecord>;

const STARTING = /^workflow-[\w-]+\.json$/;
const GROUP = /^\d+\.json$/;

export class GroupRecords implements ProcessGroupLog {
  constructor(readonly dir: string) {}

  static forDataDir(dataDir: string): GroupRecords {
    return new GroupRecords(path.join(dataDir, GROUP_RECORDS_DIR));
  }

  /** Just before the command is started: a kill between its start and `started` leaves this. */
  starting(workflowId: string): void {
    this.write(this.startingFile(workflowId), { workflowId, enginePid: process.pid } satisfies StartingRecord);
  }

  /** Right after the group started (synchronously: a kill may follow at once). */
  started(pgid: number, workflowId: string): void {
    const leaderStartTime = processStartTime(pgid);
    const record: GroupRecord = {
      pgid,
      ...(leaderStartTime ? { leaderStartTime } : {}),
      workflowId,
      enginePid: process.pid,
    };
    this.write(this.groupFile(pgid), record);
    this.remove(this.startingFile(workflowId));
  }

  /** The run is over (its group reaped, or left to itself after a normal exit), or never started. */
  ended(pgid: number | undefined, workflowId: string): void {
    if (pgid !== undefined) {
      this.remove(this.groupFile(pgid));
    }
    this.remove(this.startingFile(workflowId));
  }

  /** What a previous engine left: groups, and commands it was starting. */
  read(): { groups: GroupRecord[]; starting: StartingRecord[] } {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return { groups: [], starting: [] };
    }
    const parse = <T>(schema: z.ZodType<T>, name: string): T[] => {
      try {
        const parsed = schema.safeParse(JSON.parse(readFileSync(path.join(this.dir, name), 'utf8')));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    };
    return {
      groups: names.filter((n) => GROUP.test(n)).flatMap((n) => parse(GroupRecord, n)),
      starting: names.filter((n) => STARTING.test(n)).flatMap((n) => parse(StartingRecord, n)),
    };
  }

  private write(file: string, record: object): void {
    if (isWindows) {
      return;
    }
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      writeFileSync(file, JSON.stringify(record) + '\n', { mode: 0o600 });
    } catch {
      // best effort (see above)
    }
  }

  private remove(file: string): void {
    try {
      rmSync(file, { force: true });
    } catch {
      // best effort
    }
  }

  private groupFile(pgid: number): string {
    return path.join(this.dir, `${pgid}.json`);
  }

  private startingFile(workflowId: string): string {
    return path.join(this.dir, `workflow-${workflowId.replace(/[^\w-]/g, '_')}.json`);
  }
}
