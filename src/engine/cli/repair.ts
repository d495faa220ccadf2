/**
 * `repair --data-dir DIR`: makes a data dir whose state the engine refused (DamagedStateError) open
 * again, keeping every valid record. Under the engine's lock (no engine may be running on the dir):
 *  1. the log (store/repair.ts): damaged stretches are moved aside into <state>/damaged/, valid records
 *     before and after them kept, missing seqs marked; acknowledged records missing from the end are
 *     reported (they cannot be brought back);
 *  2. the records the engine cannot apply after that (e.g. a message of a session whose creation was
 *     damaged) are moved aside the same way;
 *  3. the state is opened as the engine opens it, to prove it starts.
 * Prints what it did; exit 0 when the dir opens now, 1 when it cannot be repaired (a damaged snapshot).
 */
import { existsSync } from 'node:fs';
import { openEngineState, stateDir, stateOf } from '../service/openState';
import { LogStore } from '../store/logStore';
import { repairLog, type RepairReport } from '../store/repair';
import { acquireLock } from './lock';

export interface RepairIo {
  stdout(line: string): void;
  stderr(line: string): void;
}

/** Seqs of the records the engine cannot apply, with why (nothing is written but what recovery writes). */
async function unappliable(dataDir: string): Promise<Map<number, string>> {
  const { store, opened } = await LogStore.open({ dir: stateDir(dataDir) });
  const skip = new Map<number, string>();
  try {
    stateOf(opened, store, skip);
  } finally {
    await store.close();
  }
  return skip;
}

function describe(report: RepairReport, io: RepairIo): void {
  for (const m of report.movedAside) {
    io.stdout(`moved aside ${m.bytes} bytes at byte offset ${m.offset} of ${m.file} (${m.reason}) to ${m.savedTo}`);
  }
  for (const g of report.gaps) {
    io.stdout(`seqs ${g.from}..${g.through} are gone: ${g.why}`);
  }
  if (report.lostAcknowledged) {
    const { from, through } = report.lostAcknowledged;
    io.stdout(`LOST: acknowledged records ${from}..${through} were missing from the log and cannot be recovered`);
  }
}

export async function repair(dataDir: string, io: RepairIo): Promise<number> {
  if (!existsSync(stateDir(dataDir))) {
    io.stdout(`nothing to repair: ${stateDir(dataDir)} does not exist`);
    return 0;
  }
  const lock = await acquireLock(dataDir);
  if (!lock.acquired) {
    io.stderr(`an engine (pid ${lock.heldBy}) is using ${dataDir}: stop it first (bilt-engine stop --data-dir …)`);
    return 1;
  }
  try {
    let changed = false;
    let report = await repairLog(stateDir(dataDir));
    for (let round = 0; ; round++) {
      describe(report, io);
      changed ||= report.changed;
      const drop = await unappliable(dataDir);
      if (drop.size === 0 || round === 3) {
        break;
      }
      report = await repairLog(stateDir(dataDir), { drop });
    }
    const { store } = await openEngineState(dataDir, (line) => io.stdout(line));
    await store.close();
    io.stdout(changed ? `repaired: ${dataDir} opens now` : `nothing to repair: ${dataDir} opens as it is`);
    return 0;
  } catch (e) {
    io.stderr(`cannot repair ${dataDir}: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await lock.release();
  }
}
