import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  appendAll,
  assertRecords,
  lineOf,
  open,
  range,
  readText,
  reopenExpect,
  segName,
  storeFiles,
  useTempDirs,
  writeSegment,
  writeSnapshot,
} from './helpers';

// What a crash at each step of compaction (see logStore.ts) can leave on disk, built by hand.
describe('LogStore: compaction crash states (built on disk directly)', () => {
  const tempDir = useTempDirs();

  // Before the compaction: log-1 holds 1..10. The compaction cuts at 11 with snapshot { upTo: 10 }.
  const snap = { upTo: 10 };

  async function expectAfterCrash(dir: string, snapshotSeq: number, seqs: number[], snapshot?: unknown): Promise<void> {
    const { store, opened } = await open(dir);
    assert.equal(opened.snapshotSeq, snapshotSeq);
    assert.deepEqual(opened.snapshot, snapshot);
    assertRecords(opened.records, seqs);
    assert.ok(!(await storeFiles(dir)).includes('snapshot.json.tmp'), 'tmp file removed');
    const next = (seqs.at(-1) ?? snapshotSeq) + 1;
    await appendAll(store, [next, next + 1]);
    await store.close();
    await reopenExpect(dir, snapshotSeq, [...seqs, next, next + 1]);
  }

  it('crash during rotation: new segment created, still empty', async () => {
    const dir = await tempDir();
    await writeSegment(dir, 1, range(1, 10));
    await writeFile(path.join(dir, segName(11)), '');
    await expectAfterCrash(dir, 0, range(1, 10));
    assert.equal(
      await readText(path.join(dir, segName(11))),
      lineOf(11) + lineOf(12),
      'appends went into the empty segment',
    );
    assert.deepEqual(await storeFiles(dir), [segName(1), segName(11)]);
  });

  it('crash while writing the snapshot: partial tmp file left behind', async () => {
    const dir = await tempDir();
    await writeSegment(dir, 1, range(1, 10));
    await writeFile(path.join(dir, segName(11)), '');
    await writeFile(path.join(dir, 'snapshot.json.tmp'), '{"format":1,"seq":10,"snap');
    await expectAfterCrash(dir, 0, range(1, 10));
  });

  it('crash before the rename: complete tmp file, older snapshot in place', async () => {
    const dir = await tempDir();
    await writeSnapshot(dir, 4, { upTo: 4 });
    await writeSegment(dir, 1, range(1, 10));
    await writeSegment(dir, 11, [11]);
    await writeSnapshot(dir, 10, snap, 'snapshot.json.tmp');
    await expectAfterCrash(dir, 4, range(5, 11), { upTo: 4 });
  });

  it('crash after the rename, before deleting: covered segment still there, new segment empty', async () => {
    const dir = await tempDir();
    await writeSnapshot(dir, 10, snap);
    await writeSegment(dir, 1, range(1, 10));
    await writeFile(path.join(dir, segName(11)), '');
    await expectAfterCrash(dir, 10, [], snap);
    assert.deepEqual(await storeFiles(dir), [segName(11), 'snapshot.json']);
  });

  it('crash after the rename, before deleting: later records in the new segment', async () => {
    const dir = await tempDir();
    await writeSnapshot(dir, 10, snap);
    await writeSegment(dir, 1, range(1, 10));
    await writeSegment(dir, 11, [11, 12], '{"seq":13,"ty');
    await expectAfterCrash(dir, 10, [11, 12], snap);
    assert.deepEqual(await storeFiles(dir), [segName(11), 'snapshot.json']);
  });

  it('crash after deleting: new segment only', async () => {
    const dir = await tempDir();
    await writeSnapshot(dir, 10, snap);
    await writeFile(path.join(dir, segName(11)), '');
    await expectAfterCrash(dir, 10, [], snap);
  });

  it('snapshot ending where the log ends (no cut segment): appends continue in the last segment', async () => {
    const dir = await tempDir();
    await writeSnapshot(dir, 10, snap);
    await writeSegment(dir, 1, range(1, 10));
    await expectAfterCrash(dir, 10, [], snap);
    assert.deepEqual(await storeFiles(dir), [segName(1), 'snapshot.json']);
  });

  it('snapshot newer than the whole log: removes the covered segment and starts a fresh one', async () => {
    const dir = await tempDir();
    await writeSnapshot(dir, 12, { upTo: 12 });
    await writeSegment(dir, 1, range(1, 10));
    await expectAfterCrash(dir, 12, [], { upTo: 12 });
    assert.deepEqual(await storeFiles(dir), [segName(13), 'snapshot.json']);
  });

  it('snapshot in the middle of a segment: skips covered records, keeps the segment', async () => {
    const dir = await tempDir();
    await writeSnapshot(dir, 5, { upTo: 5 });
    await writeSegment(dir, 1, range(1, 10));
    await expectAfterCrash(dir, 5, range(6, 10), { upTo: 5 });
    assert.deepEqual(await storeFiles(dir), [segName(1), 'snapshot.json']);
  });

  it('snapshot only, no segments', async () => {
    const dir = await tempDir();
    await writeSnapshot(dir, 10, snap);
    await expectAfterCrash(dir, 10, [], snap);
  });
});
