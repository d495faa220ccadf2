import assert from 'node:assert/strict';
import { appendFile, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openSegmentFile, type SegmentFile } from '../../../../src/engine/store/files';
import { LogCorruptError } from '../../../../src/engine/store/logStore';
import { appendAll, lineOf, open, range, rec, reopenExpect, segName, useTempDirs } from './helpers';

const checkpointOf = async (dir: string) =>
  Number(
    (JSON.parse(await readFile(path.join(dir, 'checkpoint.json'), 'utf8')) as { acknowledged: string }).acknowledged,
  );

async function refusal(dir: string): Promise<LogCorruptError> {
  const err = await open(dir).then(
    () => assert.fail('open should have refused'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof LogCorruptError, String(err));
  return err;
}

// Defect 7: a log cut short must not be reported as "an incomplete tail that was never acknowledged"
// when it held acknowledged records; the checkpoint tells the two apart.
describe('LogStore: the checkpoint tells acknowledged losses from torn unacknowledged tails', () => {
  const tempDir = useTempDirs();

  it('refuses a log cut at a line boundary that loses acknowledged records', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, range(1, 10));
    await store.close();
    const file = path.join(dir, segName(1));
    await truncate(file, Buffer.byteLength(range(1, 7).map(lineOf).join('')));
    const err = await refusal(dir);
    assert.equal(err.file, file);
    assert.match(
      err.message,
      /acknowledged records are missing: the checkpoint says seq 10 was acknowledged, but the log ends at seq 7/,
    );
  });

  it('refuses a torn last record that had been acknowledged', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, range(1, 5));
    await store.close();
    const file = path.join(dir, segName(1));
    await truncate(file, Buffer.byteLength(range(1, 4).map(lineOf).join('') + lineOf(5).slice(0, 20)));
    const err = await refusal(dir);
    assert.equal(err.offset, Buffer.byteLength(range(1, 4).map(lineOf).join('')));
    assert.match(
      err.message,
      /seq 5 was acknowledged, but the log ends at seq 4 \(followed by 20 bytes that are not a record/,
    );
  });

  it('refuses a log whose last segment went missing after a rotation', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, range(1, 5));
    await store.compact({ upTo: 5 }, 5);
    await appendAll(store, range(6, 8));
    await store.close();
    await rm(path.join(dir, segName(6)));
    assert.match((await refusal(dir)).message, /seq 8 was acknowledged, but the log ends at seq 5/);
  });

  it('drops a torn tail after the last acknowledged record and says it was never acknowledged', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, range(1, 5));
    await store.close();
    await appendFile(path.join(dir, segName(1)), lineOf(6).slice(0, 30));
    const { store: again, opened } = await open(dir);
    await again.close();
    assert.deepEqual(
      { ...opened.droppedTail, reason: undefined },
      {
        file: path.join(dir, segName(1)),
        offset: Buffer.byteLength(range(1, 5).map(lineOf).join('')),
        bytes: 30,
        afterSeq: 5,
        acknowledgedSeq: 5,
        reason: undefined,
      },
    );
  });

  it('without a readable checkpoint, drops a torn tail and says it cannot know', async () => {
    for (const damage of ['remove', 'garble'] as const) {
      const dir = await tempDir();
      const { store } = await open(dir);
      await appendAll(store, range(1, 3));
      await store.close();
      const checkpoint = path.join(dir, 'checkpoint.json');
      await (damage === 'remove' ? rm(checkpoint) : writeFile(checkpoint, '{"acknowledged":"00000000000000'));
      await appendFile(path.join(dir, segName(1)), lineOf(4).slice(0, 9));
      const { store: again, opened } = await open(dir);
      assert.equal(opened.droppedTail?.acknowledgedSeq, undefined);
      assert.match(String(opened.checkpointProblem), damage === 'remove' ? /no checkpoint/ : /unreadable/);
      await appendAll(again, [4]);
      await again.close();
      await reopenExpect(dir, 0, range(1, 4));
      assert.equal(await checkpointOf(dir), 4, 'a new checkpoint is written');
    }
  });

  it('names a batch only after it is fdatasync’ed, and before its promise resolves', async () => {
    const dir = await tempDir();
    let releaseSync!: () => void;
    let syncing!: () => void;
    const syncStarted = new Promise<void>((resolve) => (syncing = resolve));
    const openHeld = async (file: string): Promise<SegmentFile> => {
      const real = await openSegmentFile(file);
      return {
        write: (data) => real.write(data),
        sync: async () => {
          syncing();
          await new Promise<void>((resolve) => (releaseSync = resolve));
          await real.sync();
        },
        close: () => real.close(),
      };
    };
    const { store } = await open(dir, { openSegmentFile: openHeld });
    const durable = store.append([rec(1), rec(2)]).durable.then(() => checkpointOf(dir));
    await syncStarted;
    assert.equal(await checkpointOf(dir), 0, 'written, not yet synced: not acknowledged');
    releaseSync();
    assert.equal(await durable, 2);
    await store.close();
  });
});
