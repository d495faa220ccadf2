/**
 * The snapshots compaction writes, as zod schemas (the disk is a boundary). Version 2 holds the live
 * state only: projects, sessions with the addresses of their archived history, the workflows kept in
 * memory, the recent message times. Version 1 (engines before it) held every message and workflow; it is
 * read once and migrated by the first compaction.
 */
import { z } from 'zod';
import { Message, Project, Workflow } from '../../core/model';
import { SessionData } from './records';

const whole = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const RUN = '[0-9a-z]+\\.[0-9a-z]+\\.[0-9a-z]+\\.[0-9a-z]+';
/**
 * A session's archive runs (ArchiveRun) in order, as one string: `file.at.count.bytes` in base 36, joined
 * by commas ("" for none). A string per session, not an array per run, keeps the snapshot small and quick
 * to parse (runRefs.ts reads and writes it).
 */
export const RunList = z.string().regex(new RegExp(`^(${RUN}(,${RUN})*)?$`), 'not a list of archive runs');

const SessionAttributes = {
  id: z.string(),
  projectId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  agentId: z.string().optional(),
  taskId: z.string().optional(),
  prompt: z.string().optional(),
  data: SessionData.optional(),
};

/**
 * When each project's workflow-starting messages were sent (epoch ms, oldest first), for the hourly
 * limit: kept apart from the workflows so deleting a session does not give its messages back.
 */
const UserMessageTimes = z.record(z.string(), z.array(z.number()));

export const StateSnapshotV2 = z.object({
  version: z.literal(2),
  projects: z.array(Project),
  sessions: z.array(
    z.object({
      ...SessionAttributes,
      /** Every message of the session is archived at a snapshot: `count` of them in `runs`. */
      messages: z.object({ count: whole, runs: RunList }),
      /** Older workflows archived in `runs`; the newer ones (ids, oldest first) are in `workflows` below. */
      workflows: z.object({ archived: whole, runs: RunList, kept: z.array(z.string()) }),
    }),
  ),
  workflows: z.array(Workflow),
  userMessageTimes: UserMessageTimes,
});
export type StateSnapshotV2 = z.infer<typeof StateSnapshotV2>;

/** Version 1: the whole history inline. Absent userMessageTimes (older still) is rebuilt from the workflows. */
export const StateSnapshotV1 = z.object({
  version: z.literal(1),
  projects: z.array(Project),
  sessions: z.array(z.object({ ...SessionAttributes, workflowIds: z.array(z.string()), messages: z.array(Message) })),
  workflows: z.array(Workflow),
  userMessageTimes: UserMessageTimes.optional(),
});
export type StateSnapshotV1 = z.infer<typeof StateSnapshotV1>;

export const StateSnapshot = z.discriminatedUnion('version', [StateSnapshotV1, StateSnapshotV2]);
export type StateSnapshot = z.infer<typeof StateSnapshot>;
