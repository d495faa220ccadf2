/**
 * Data dirs for the engine benchmarks, written through the engine's own state path (EngineState,
 * Committer, LogStore with fsync off, compaction every 8 MiB as the engine does), so what is left is what
 * a running engine leaves: a snapshot, archive files and a log tail. Sessions get their history in
 * rounds: each round, every session gets one workflow of `messagesPerWorkflow` messages.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Workflow } from '../../src/core/model';
import { EventBus } from '../../src/engine/events/eventBus';
import { Committer } from '../../src/engine/service/committer';
import { EngineState } from '../../src/engine/state/engineState';
import type { ChangeRecord } from '../../src/engine/state/records';
import { LogStore } from '../../src/engine/store/logStore';

export interface DataShape {
  projects: number;
  /** Messages in all, spread evenly over the projects' sessions. */
  messages: number;
  messagesPerWorkflow: number;
}

export const tempDataDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'bilt-bench-engine-'));
export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });

/** Bytes of the files in `<dataDir>/state` whose names start with `prefix`. */
export function stateBytes(dataDir: string, prefix: string): number {
  const dir = path.join(dataDir, 'state');
  return readdirSync(dir)
    .filter((n) => n.startsWith(prefix))
    .reduce((sum, n) => sum + statSync(path.join(dir, n)).size, 0);
}

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const TEXT = 'Building the sign-in screen: the form, validation and the session cookie are in place, tests pass.';

export async function buildDataDir(dataDir: string, shape: DataShape): Promise<{ sessionIds: string[] }> {
  const { store } = await LogStore.open({ dir: path.join(dataDir, 'state'), fsync: false });
  const state = new EngineState(store.archive);
  const committer = new Committer(store, state, new EventBus(), {
    compactAfterBytes: 8 * 1024 * 1024,
    onFatal: (e) => {
      throw e;
    },
    log: () => undefined,
  });
  let clock = T0;
  const at = () => new Date(clock++).toISOString();
  const sessions: { id: string; projectId: string }[] = [];
  const setup: ChangeRecord[] = [];
  for (let p = 0; p < shape.projects; p++) {
    const created = at();
    const project = { id: randomUUID(), name: `project-${p}`, description: null, visibility: 'public' as const };
    setup.push({ type: 'project.created', project: { ...project, createdAt: created, updatedAt: created } });
    const session = { id: randomUUID(), projectId: project.id, createdAt: at() };
    setup.push({ type: 'session.created', session });
    sessions.push(session);
  }
  await committer.commit(setup);
  const rounds = Math.ceil(shape.messages / shape.projects / shape.messagesPerWorkflow);
  let written = 0;
  for (let round = 0; round < rounds && written < shape.messages; round++) {
    let batch: ChangeRecord[] = [];
    let pending: Promise<void>[] = [];
    for (const s of sessions) {
      const n = Math.min(shape.messagesPerWorkflow, shape.messages - written);
      if (n <= 0) {
        break;
      }
      batch.push(...workflowRecords(s, round, n, at));
      written += n;
      if (batch.length >= 500) {
        pending.push(committer.commit(batch));
        batch = [];
      }
      if (pending.length >= 16) {
        await Promise.all(pending);
        pending = [];
        await committer.idle(); // as fast as compaction keeps up, so the log tail stays what an engine leaves
      }
    }
    pending.push(committer.commit(batch));
    await Promise.all(pending);
  }
  await committer.idle();
  await store.close();
  return { sessionIds: sessions.map((s) => s.id) };
}

function workflowRecords(
  s: { id: string; projectId: string },
  round: number,
  messages: number,
  at: () => string,
): ChangeRecord[] {
  const start = at();
  const workflow: Workflow = {
    id: randomUUID(),
    sessionId: s.id,
    projectId: s.projectId,
    status: 'completed',
    message: `Round ${round}: add the next screen`,
    progress: { percentage: 100, currentStep: 'Done' },
    pause: null,
    result: { url: 'https://example.test/app' },
    error: null,
    cancelReason: null,
    interrupted: false,
    createdAt: start,
    startedAt: start,
    endedAt: start,
    updatedAt: start,
  };
  const message = (side: 'user' | 'ai', text: string): ChangeRecord => ({
    type: 'message.appended',
    message: {
      id: randomUUID(),
      sessionId: s.id,
      workflowId: workflow.id,
      seq: 1,
      side,
      variant: 'info',
      text,
      createdAt: at(),
    },
  });
  const records: ChangeRecord[] = [message('user', workflow.message), { type: 'workflow.created', workflow }];
  for (let k = 1; k < messages; k++) {
    records.push(message('ai', `${TEXT} (${round}.${k})`));
  }
  return records;
}
