/**
 * In-process measurements over a built data dir: one compaction of 8 MiB of new log (what the engine
 * does every 8 MiB), and message reads through the archive (newest-first pages, `after` cursors).
 */
import { randomUUID } from 'node:crypto';
import { EventBus } from '../../src/engine/events/eventBus';
import { Committer } from '../../src/engine/service/committer';
import { compactState, openEngineState } from '../../src/engine/service/openState';
import type { EngineState } from '../../src/engine/state/engineState';
import type { LogStore } from '../../src/engine/store/logStore';
import { stats } from './types';

const COMPACT_BYTES = 8 * 1024 * 1024;

/** Appends ~8 MiB of messages (fsync on, no compaction): what a running engine has at most after its snapshot. */
async function appendLogTail(committer: Committer, store: LogStore, sessionIds: string[]): Promise<void> {
  const start = store.bytesSinceSnapshot;
  for (let i = 0; store.bytesSinceSnapshot - start < COMPACT_BYTES; i++) {
    const batch = sessionIds.slice(0, 200).map((sessionId) => ({
      type: 'message.appended' as const,
      message: {
        id: randomUUID(),
        sessionId,
        workflowId: null,
        seq: 1,
        side: 'ai' as const,
        variant: 'info' as const,
        text: `progress note ${i}: the build step finished and the preview is up to date`,
        createdAt: new Date().toISOString(),
      },
    }));
    await committer.commit(batch);
  }
}

function committerOver(store: LogStore, state: EngineState): Committer {
  const options = { compactAfterBytes: Number.MAX_SAFE_INTEGER, onFatal: () => undefined, log: () => undefined };
  return new Committer(store, state, new EventBus(), options);
}

/** Leaves 8 MiB of log after the snapshot, as a crash of a busy engine just before its compaction would. */
export async function leaveLogTail(dataDir: string, sessionIds: string[]): Promise<void> {
  const { store, state } = await openEngineState(dataDir, () => undefined);
  await appendLogTail(committerOver(store, state), store, sessionIds);
  await store.close();
}

/** Opens the state, appends ~8 MiB of messages, and times the compaction that archives them. */
export async function timeCompaction(dataDir: string, sessionIds: string[]): Promise<number> {
  const { store, state } = await openEngineState(dataDir, () => undefined);
  await appendLogTail(committerOver(store, state), store, sessionIds);
  const t0 = performance.now();
  await compactState(store, state);
  const ms = performance.now() - t0;
  await store.close();
  return ms;
}

export interface ReadTimes {
  newest: { median: number; p95: number };
  cursor: { median: number; p95: number };
  checked: number;
}

/** Times `samples` newest-first pages of 50 at random offsets and `after` pages of 100, checking seqs. */
export async function timeReads(dataDir: string, sessionIds: string[], samples: number): Promise<ReadTimes> {
  const { store, state } = await openEngineState(dataDir, () => undefined);
  const newest: number[] = [];
  const cursor: number[] = [];
  let seed = 7;
  const random = (n: number) => (((seed = (seed * 48271) % 2147483647) % n) + n) % n;
  try {
    for (let i = 0; i < samples; i++) {
      const id = sessionIds[random(sessionIds.length)]!;
      const total = state.session(id)!.messageCount;
      const offset = random(Math.max(1, total - 50));
      let t0 = performance.now();
      const page = state.messagesPage(id, 50, offset);
      newest.push(performance.now() - t0);
      if (page.messages[0]?.seq !== total - offset) {
        throw new Error(
          `page at offset ${offset} of ${id} starts at seq ${page.messages[0]?.seq}, not ${total - offset}`,
        );
      }
      const after = random(total);
      t0 = performance.now();
      const next = state.messagesAfter(id, after, 100);
      cursor.push(performance.now() - t0);
      if (next.messages[0] && next.messages[0].seq !== after + 1) {
        throw new Error(`after ${after} of ${id} starts at seq ${next.messages[0].seq}`);
      }
    }
  } finally {
    await store.close();
  }
  return { newest: stats(newest), cursor: stats(cursor), checked: samples * 2 };
}
