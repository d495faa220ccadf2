import assert from 'node:assert/strict';
import { openSegmentFile, type SegmentFile } from '../../../../src/engine/store/files';
import { LogStoreFailedError } from '../../../../src/engine/store/logStore';
import { appendAll, open, range, rec, reopenExpect, useTempDirs } from './helpers';

/** Wraps real segment files; `failWrites` / `failSyncs` make the next calls throw like a dying disk. */
function faultySegments() {
  const faults = {
    failWrites: false,
    failSyncs: false,
    failOpens: false,
    /** Awaited at the start of every write, to hold a flush in flight. */
    beforeWrite: (): Promise<void> => Promise.resolve(),
    files: [] as SegmentFile[],
  };
  const openFaulty = async (file: string): Promise<SegmentFile> => {
    if (faults.failOpens) {
      throw Object.assign(new Error(`EMFILE: too many open files, open '${file}'`), { code: 'EMFILE' });
    }
    const real = await openSegmentFile(file);
    faults.files.push(real);
    return {
      async write(data) {
        await faults.beforeWrite();
        if (faults.failWrites) {
          throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
        }
        await real.write(data);
      },
      async sync() {
        if (faults.failSyncs) {
          throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
        }
        await real.sync();
      },
      close: () => real.close(),
    };
  };
  return { faults, openFaulty };
}

async function assertFailed(durable: Promise<void>, causeMessage: RegExp): Promise<void> {
  await assert.rejects(
    durable,
    (e: unknown) => e instanceof LogStoreFailedError && causeMessage.test(String((e.cause as Error).message)),
  );
}

describe('LogStore: write failures (fail-stop)', () => {
  const tempDir = useTempDirs();

  it('a failed write rejects that batch, the queued ones and every later append', async () => {
    const dir = await tempDir();
    const { faults, openFaulty } = faultySegments();
    const { store } = await open(dir, { openSegmentFile: openFaulty });
    await appendAll(store, range(1, 3));
    let writeStarted!: () => void;
    const started = new Promise<void>((resolve) => (writeStarted = resolve));
    let releaseWrite!: () => void;
    faults.beforeWrite = () => {
      writeStarted();
      return new Promise<void>((resolve) => (releaseWrite = resolve));
    };
    faults.failWrites = true;
    const failing = store.append([rec(4)]).durable;
    await started; // batch {4} is in flight; 5 forms the next batch
    const queued = store.append([rec(5)]).durable;
    releaseWrite();
    await assertFailed(failing, /EIO.*write/);
    await assertFailed(queued, /EIO.*write/);
    assert.ok(store.failure instanceof LogStoreFailedError);
    faults.failWrites = false; // even if the disk recovers, the store stays failed
    const after = store.append([rec(6)]);
    assert.deepEqual(after.seqs, [6]);
    await assertFailed(after.durable, /EIO/);
    await assert.rejects(store.compact({}, 3), LogStoreFailedError);
    await assert.rejects(store.close(), LogStoreFailedError);
    await reopenExpect(dir, 0, range(1, 3));
  });

  it('a failed fdatasync fails the store and is never retried', async () => {
    const dir = await tempDir();
    const { faults, openFaulty } = faultySegments();
    const { store } = await open(dir, { openSegmentFile: openFaulty });
    await appendAll(store, [1]);
    faults.failSyncs = true;
    await assertFailed(store.append([rec(2)]).durable, /fdatasync/);
    faults.failSyncs = false;
    await assertFailed(store.append([rec(3)]).durable, /fdatasync/);
    await assert.rejects(store.close(), LogStoreFailedError);
    // Record 2 was written, just not known durable; recovery may keep it (it was never acknowledged).
    const { store: again, opened } = await open(dir);
    assert.deepEqual(
      opened.records.map((r) => r.seq),
      [1, 2],
    );
    await again.close();
  });

  it('a segment file closed underneath makes the next write fail', async () => {
    const dir = await tempDir();
    const { faults, openFaulty } = faultySegments();
    const { store } = await open(dir, { openSegmentFile: openFaulty });
    await appendAll(store, [1, 2]);
    await faults.files[0]!.close(); // the real FileHandle; writes now hit a closed fd
    await assert.rejects(store.append([rec(3)]).durable, LogStoreFailedError);
    await assert.rejects(store.append([rec(4)]).durable, LogStoreFailedError);
    await assert.rejects(store.close(), LogStoreFailedError);
    await reopenExpect(dir, 0, [1, 2]);
  });

  it('failing to start the new segment fails the compaction and the store', async () => {
    const dir = await tempDir();
    const { faults, openFaulty } = faultySegments();
    const { store } = await open(dir, { openSegmentFile: openFaulty });
    await appendAll(store, range(1, 5));
    faults.failOpens = true;
    const compaction = store.compact({ upTo: 5 }, 5);
    const appended = store.append([rec(6)]).durable;
    await assert.rejects(compaction, (e: unknown) => e instanceof LogStoreFailedError && /EMFILE/.test(e.message));
    await assert.rejects(appended, LogStoreFailedError);
    await assert.rejects(store.close(), LogStoreFailedError);
    await reopenExpect(dir, 0, range(1, 5));
  });
});
