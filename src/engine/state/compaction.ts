/**
 * What a compaction does to the state: the snapshot it writes and the history it archives. Every
 * session's messages since the last snapshot become one new run in the compaction's archive file, and
 * workflows beyond each session's newest KEPT_WORKFLOWS (which include every unfinished one) another; an
 * archive file that also holds runs of deleted sessions has its live runs copied into the new file, so
 * it can go (a deleted session's history leaves the disk at the next compaction). The plan is made
 * synchronously, at one seq; apply() switches the state to the new addresses once the snapshot is
 * durable (until then reads use the old ones, which stay valid).
 */
import { ARCHIVE_FILE_HEADER_BYTES } from '../store/archive';
import type { ArchiveRun } from '../store/types';
import type { EngineState } from './engineState';
import { addLiveBytes, type ArchiveLayout } from './history';
import type { SessionRow } from './sessionRows';
import type { StateSnapshotV2 } from './snapshots';
import { encodeRuns } from './runRefs';

/** Workflows of a session kept in memory at a snapshot: the latest (the only one that can change). */
export const KEPT_WORKFLOWS = 1;

export interface CompactionPlan {
  snapshot: StateSnapshotV2;
  /** Archive files written before that the snapshot still refers to. */
  keep: number[];
  /** Switches the state to the archived history (call once the snapshot is durable). */
  apply(): void;
}

/** Archive files holding runs no session refers to any more (dead bytes), given each file's size. */
function filesWithDeadRuns(state: EngineState, files: ReadonlyMap<number, number>): Set<number> {
  const live = new Map<number, number>();
  for (const row of state.tables.sessions.values()) {
    addLiveBytes(row.messages.runs, live);
    addLiveBytes(row.archivedWorkflows.runs, live);
  }
  return new Set(
    [...files].filter(([id, bytes]) => (live.get(id) ?? 0) + ARCHIVE_FILE_HEADER_BYTES < bytes).map(([id]) => id),
  );
}

export function planCompaction(
  state: EngineState,
  layout: ArchiveLayout,
  files: ReadonlyMap<number, number>,
): CompactionPlan {
  const t = state.tables;
  const rewrite = filesWithDeadRuns(state, files);
  const relocate = (runs: readonly ArchiveRun[]) => runs.map((r) => (rewrite.has(r.file) ? layout.copy(r) : r));
  const referenced = new Set<number>();
  const moves: (() => void)[] = [];
  const sessions = [...t.sessions.values()].map((row) => {
    const recent = row.messages.recent.length;
    const messageRuns = relocate(row.messages.runs);
    if (recent > 0) {
      messageRuns.push(layout.add(row.messages.recent.slice()));
    }
    const excess = Math.max(0, row.workflowIds.length - KEPT_WORKFLOWS);
    const archivedIds = row.workflowIds.slice(0, excess);
    const workflowRuns = relocate(row.archivedWorkflows.runs);
    if (excess > 0) {
      workflowRuns.push(layout.add(archivedIds.map((id) => t.workflows.get(id)!)));
    }
    for (const run of [...messageRuns, ...workflowRuns]) {
      referenced.add(run.file);
    }
    moves.push(() => {
      if (t.sessions.get(row.id) !== row) {
        return; // deleted meanwhile: its runs are dead and go at the next compaction
      }
      row.messages.runs = messageRuns;
      row.messages.archived += recent;
      row.messages.recent.splice(0, recent);
      row.archivedWorkflows = { runs: workflowRuns, count: row.archivedWorkflows.count + excess };
      row.workflowIds.splice(0, excess);
      for (const id of archivedIds) {
        t.workflows.delete(id);
      }
    });
    return snapshotSession(row, messageRuns, workflowRuns, excess);
  });
  referenced.delete(layout.id);
  const kept = [...t.sessions.values()].flatMap((row) =>
    row.workflowIds.slice(Math.max(0, row.workflowIds.length - KEPT_WORKFLOWS)),
  );
  return {
    snapshot: {
      version: 2,
      projects: [...t.projects.values()],
      sessions,
      workflows: kept.map((id) => t.workflows.get(id)!),
      userMessageTimes: Object.fromEntries(t.userMessageTimes),
    },
    keep: [...referenced],
    apply: () => moves.forEach((move) => move()),
  };
}

function snapshotSession(
  row: SessionRow,
  messageRuns: ArchiveRun[],
  workflowRuns: ArchiveRun[],
  excess: number,
): StateSnapshotV2['sessions'][number] {
  return {
    id: row.id,
    projectId: row.projectId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    ...(row.agentId !== undefined ? { agentId: row.agentId } : {}),
    ...(row.taskId !== undefined ? { taskId: row.taskId } : {}),
    ...(row.prompt !== undefined ? { prompt: row.prompt } : {}),
    ...(row.data !== undefined ? { data: row.data } : {}),
    messages: { count: row.messages.archived + row.messages.recent.length, runs: encodeRuns(messageRuns) },
    workflows: {
      archived: row.archivedWorkflows.count + excess,
      runs: encodeRuns(workflowRuns),
      kept: row.workflowIds.slice(excess),
    },
  };
}
