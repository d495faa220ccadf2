/**
 * Rebuilding EngineState from a snapshot: version 2 (live state with the addresses of the archived
 * history) as compaction writes it, or version 1 (every message inline, from engines before it), whose
 * history is loaded into memory once so the first compaction can archive it.
 */
import { EngineState, type StateTables } from './engineState';
import type { RecordArchive } from './history';
import type { SessionRow } from './sessionRows';
import { decodeRuns } from './runRefs';
import type { StateSnapshot, StateSnapshotV1, StateSnapshotV2 } from './snapshots';

export function stateFromSnapshot(snap: StateSnapshot, archive: RecordArchive): EngineState {
  const state = new EngineState(archive);
  const t = state.tables;
  for (const p of [...snap.projects].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    state.apply({ type: 'project.created', project: p });
  }
  for (const w of snap.workflows) {
    t.workflows.set(w.id, w);
  }
  if (snap.version === 2) {
    loadSessionsV2(t, snap);
  } else {
    loadSessionsV1(t, snap);
  }
  for (const [projectId, times] of Object.entries(snap.userMessageTimes ?? {})) {
    t.userMessageTimes.set(projectId, [...times]);
  }
  for (const times of t.userMessageTimes.values()) {
    times.sort((x, y) => x - y);
  }
  return state;
}

/** Sessions in creation order, so the last one of each project becomes its current session again. */
function addInCreationOrder(t: StateTables, rows: SessionRow[]): void {
  rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  for (const row of rows) {
    t.sessions.set(row.id, row);
    t.currentSessionOf.set(row.projectId, row.id);
  }
}

function loadSessionsV2(t: StateTables, snap: StateSnapshotV2): void {
  const rows = snap.sessions.map(({ messages, workflows, ...attributes }): SessionRow => {
    return {
      ...attributes,
      workflowIds: [...workflows.kept],
      archivedWorkflows: { runs: decodeRuns(workflows.runs), count: workflows.archived },
      messages: { runs: decodeRuns(messages.runs), archived: messages.count, recent: [] },
    };
  });
  addInCreationOrder(t, rows);
}

function loadSessionsV1(t: StateTables, snap: StateSnapshotV1): void {
  const rows = snap.sessions.map(({ messages, workflowIds, ...attributes }): SessionRow => {
    return {
      ...attributes,
      workflowIds: [...workflowIds],
      archivedWorkflows: { runs: [], count: 0 },
      messages: { runs: [], archived: 0, recent: [...messages] },
    };
  });
  addInCreationOrder(t, rows);
  if (!snap.userMessageTimes) {
    for (const w of snap.workflows) {
      const times = t.userMessageTimes.get(w.projectId) ?? [];
      times.push(Date.parse(w.createdAt));
      t.userMessageTimes.set(w.projectId, times);
    }
  }
}
