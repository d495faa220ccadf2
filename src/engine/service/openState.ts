/**
 * Opening the engine's state over its data dir: the durable log (recovering from any crash), the
 * snapshot and the records after it replayed into EngineState, a data dir from before format 2 migrated
 * by compacting at once. Damage the store will not drop becomes a DamagedStateError that says what was
 * found and how to recover (`repair`); the engine does not start over it.
 */
import path from 'node:path';
import { EngineState } from '../state/engineState';
import { planCompaction } from '../state/compaction';
import { ChangeRecord } from '../state/records';
import { StateSnapshot } from '../state/snapshots';
import { stateFromSnapshot } from '../state/stateSnapshot';
import { LogCorruptError, LogStore } from '../store/logStore';
import type { LogRecord, OpenedLog } from '../store/types';

/** The state dir inside an engine's data dir. */
export const stateDir = (dataDir: string): string => path.join(dataDir, 'state');

/** How to run `repair` on a data dir, as the person reading the message would type it. */
export function repairCommand(dataDir: string): string {
  const script = process.argv[1] ?? '';
  const engine = /engine\.[cm]?js$/.test(script) ? `node ${JSON.stringify(script)}` : 'bilt-engine';
  return `${engine} repair --data-dir ${JSON.stringify(dataDir)}`;
}

/** The state on disk cannot be used as it is; the message says what was found and what to run. */
export class DamagedStateError extends Error {
  override readonly name = 'DamagedStateError';
  constructor(found: string, dataDir: string, options?: ErrorOptions) {
    super(
      `${found}\nThe engine did not start and changed nothing. To keep every valid record and move the damaged ` +
        `bytes aside (into ${path.join(stateDir(dataDir), 'damaged')}), stop every engine using this data dir and run:\n` +
        `  ${repairCommand(dataDir)}`,
      options,
    );
  }
}

/** A record that cannot be applied (not understood, or referring to what does not exist), with its seq and why. */
export class UnappliableRecordError extends Error {
  constructor(
    readonly seq: number,
    readonly reason: string,
  ) {
    super(`state log record ${seq} ${reason}`);
  }
}

/** Applies the records after the snapshot; `skip` (repair) collects what cannot be applied instead of throwing. */
export function replayRecords(state: EngineState, records: Iterator<LogRecord>, skip?: Map<number, string>): void {
  for (let next = records.next(); !next.done; next = records.next()) {
    const rec = next.value;
    const parsed = ChangeRecord.safeParse(rec);
    let reason: string | undefined;
    if (!parsed.success) {
      reason = `is not understood (if a newer engine wrote it, run that one instead): ${parsed.error.message}`;
    } else {
      try {
        state.apply(parsed.data);
      } catch (e) {
        reason = `cannot be applied: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    if (reason !== undefined && !skip) {
      throw new UnappliableRecordError(rec.seq, reason);
    }
    if (reason !== undefined) {
      skip?.set(rec.seq, `the record ${reason}`);
    }
  }
}

/** The state a recovered log holds. */
export function stateOf(opened: OpenedLog, store: LogStore, skip?: Map<number, string>): EngineState {
  let state = new EngineState(store.archive);
  if (opened.snapshot !== undefined) {
    const snapshot = StateSnapshot.safeParse(opened.snapshot);
    if (!snapshot.success) {
      const file = path.join(store.dir, 'snapshot.json');
      throw new LogCorruptError(file, 0, `the snapshot is not one this engine understands: ${snapshot.error.message}`);
    }
    state = stateFromSnapshot(snapshot.data, store.archive);
  }
  replayRecords(state, opened.readRecords(), skip);
  return state;
}

/** Compacts now: a snapshot of `state` at the store's last seq, archiving what is recent (see state/compaction.ts). */
export function compactState(store: LogStore, state: EngineState): Promise<void> {
  const upTo = store.lastSeq;
  const builder = store.newArchive();
  const plan = planCompaction(state, builder, store.archiveFiles);
  return store.compact(plan.snapshot, upTo, { builder, keep: plan.keep, onDurable: plan.apply });
}

function describeRecovery(opened: OpenedLog): string | undefined {
  const tail = opened.droppedTail;
  if (!tail) {
    return undefined;
  }
  const acknowledged =
    tail.acknowledgedSeq === undefined
      ? `whether it was acknowledged is not known (${opened.checkpointProblem ?? 'no checkpoint'})`
      : `it was never acknowledged (the last acknowledged seq is ${tail.acknowledgedSeq})`;
  return `recovery dropped an incomplete tail of ${tail.bytes} bytes after seq ${tail.afterSeq} at byte offset ${tail.offset} of ${tail.file} (${tail.reason}): ${acknowledged}`;
}

/** Opens the durable log in `<dataDir>/state` (recovering from any crash); damage becomes a DamagedStateError. */
export async function openLog(dataDir: string): Promise<{ store: LogStore; opened: OpenedLog }> {
  try {
    return await LogStore.open({ dir: stateDir(dataDir) });
  } catch (e) {
    throw e instanceof LogCorruptError ? new DamagedStateError(e.message, dataDir, { cause: e }) : e;
  }
}

/** The state an opened log holds (a data dir from before format 2 is migrated now); the caller closes the store on failure. */
export async function loadState(
  dataDir: string,
  store: LogStore,
  opened: OpenedLog,
  log: (line: string) => void,
): Promise<EngineState> {
  try {
    const recovery = describeRecovery(opened);
    if (recovery) {
      log(recovery);
    }
    const state = stateOf(opened, store);
    if (opened.legacy) {
      log('migrating the state to format 2 (moving the message history out of the snapshot into archive files)');
      await compactState(store, state);
      log('migrated the state to format 2');
    }
    return state;
  } catch (e) {
    if (e instanceof LogCorruptError || e instanceof UnappliableRecordError) {
      throw new DamagedStateError(e.message, dataDir, { cause: e });
    }
    throw e;
  }
}

/** openLog and loadState together (repair, benchmarks); closes the store on failure. */
export async function openEngineState(
  dataDir: string,
  log: (line: string) => void,
): Promise<{ store: LogStore; state: EngineState }> {
  const { store, opened } = await openLog(dataDir);
  try {
    return { store, state: await loadState(dataDir, store, opened, log) };
  } catch (e) {
    await store.close().catch(() => undefined);
    throw e;
  }
}
