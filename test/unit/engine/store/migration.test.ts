import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  appendAll,
  assertRecords,
  legacyLineOf,
  legacySegName,
  open,
  range,
  reopenExpect,
  segName,
  storeFiles,
  useTempDirs,
  writeLegacySegment,
  writeLegacySnapshot,
} from './helpers';

describe('LogStore: a data dir written before format 2', () => {
  const tempDir = useTempDirs();

  it('opens (snapshot and plain segments), appends to a framed segment, and its first compaction leaves format 2 only', async () => {
    const dir = await tempDir();
    await writeLegacySnapshot(dir, 3, { old: true });
    await writeLegacySegment(dir, 1, range(1, 5));
    await writeLegacySegment(dir, 6, range(6, 7), legacyLineOf(8).slice(0, 11));
    const { store, opened } = await open(dir);
    assert.equal(opened.legacy, true);
    assert.deepEqual([opened.snapshot, opened.snapshotSeq, opened.droppedTailBytes], [{ old: true }, 3, 11]);
    assertRecords(opened.records, range(4, 7));
    await appendAll(store, [8, 9]);
    assert.deepEqual(await storeFiles(dir), [legacySegName(1), legacySegName(6), segName(8), 'snapshot.json']);
    assert.equal(await readFile(path.join(dir, legacySegName(6)), 'utf8'), range(6, 7).map(legacyLineOf).join(''));
    await store.compact({ migrated: true }, 9);
    assert.deepEqual(await storeFiles(dir), [segName(10), 'snapshot.json']);
    await store.close();
    const again = await reopenExpect(dir, 9, []);
    assert.deepEqual([again.snapshot, again.legacy], [{ migrated: true }, false]);
  });

  it('opens plain segments without a snapshot, and a crash before the first compaction changes nothing', async () => {
    const dir = await tempDir();
    await writeLegacySegment(dir, 1, range(1, 3));
    for (let round = 0; round < 2; round++) {
      const { store, opened } = await open(dir);
      assert.equal(opened.legacy, true);
      assertRecords(opened.records, range(1, 3));
      await store.close();
    }
    assert.deepEqual(await storeFiles(dir), [legacySegName(1), segName(4)]);
  });
});
