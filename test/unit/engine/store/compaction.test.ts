import assert from 'node:assert/strict';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { appendAll, open, range, readText, rec, reopenExpect, segName, storeFiles, useTempDirs } from './helpers';

describe('LogStore: compaction', () => {
  const tempDir = useTempDirs();

  it('writes the snapshot, starts a new segment, deletes covered ones, and reopens to snapshot + later records', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, range(1, 10));
    await store.compact({ state: 'after 10' }, 10);
    assert.equal(store.snapshotSeq, 10);
    assert.equal(store.bytesSinceSnapshot, 0);
    assert.deepEqual(await storeFiles(dir), [segName(11), 'snapshot.json']);
    await appendAll(store, range(11, 15));
    assert.equal(store.bytesSinceSnapshot, (await stat(path.join(dir, segName(11)))).size);
    await store.close();
    const opened = await reopenExpect(dir, 10, range(11, 15));
    assert.deepEqual(opened.snapshot, { state: 'after 10' });
    const [header, body] = (await readText(path.join(dir, 'snapshot.json'))).split('\n');
    assert.deepEqual(JSON.parse(body!), { state: 'after 10' });
    assert.deepEqual(
      { ...JSON.parse(header!), crc: 'x' },
      { format: 2, seq: 10, archives: [], bytes: Buffer.byteLength(body!), crc: 'x' },
    );
    if (process.platform !== 'win32') {
      assert.equal((await stat(path.join(dir, 'snapshot.json'))).mode & 0o777, 0o600);
    }
  });

  it('keeps records queued before and appended during the compaction, cutting exactly at upToSeq', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    const durables = range(1, 100).map((i) => store.append([rec(i)]).durable); // all still queued
    const compaction = store.compact({ upTo: 50 }, 50);
    for (const i of range(101, 200)) {
      durables.push(store.append([rec(i)]).durable);
    }
    await compaction;
    for (const i of range(201, 250)) {
      durables.push(store.append([rec(i)]).durable);
    }
    await Promise.all(durables);
    assert.deepEqual(await storeFiles(dir), [segName(51), 'snapshot.json']);
    await store.close();
    const opened = await reopenExpect(dir, 50, range(51, 250));
    assert.deepEqual(opened.snapshot, { upTo: 50 });
  });

  it('serializes the snapshot at call time', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, [1]);
    const state = { n: 1 };
    const compaction = store.compact(state, 1);
    state.n = 2;
    await compaction;
    await store.close();
    assert.deepEqual((await reopenExpect(dir, 1, [])).snapshot, { n: 1 });
  });

  it('keeps a segment that also holds records after upToSeq, and removes it at the next compaction', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, range(1, 20)); // 11..20 are already written when the cut at 10 is asked for
    await store.compact({ upTo: 10 }, 10);
    assert.deepEqual(await storeFiles(dir), [segName(1), segName(21), 'snapshot.json']);
    await appendAll(store, [21]);
    await store.close();
    await reopenExpect(dir, 10, range(11, 21));
    const again = await open(dir);
    await again.store.compact({ upTo: 21 }, 21);
    assert.deepEqual(await storeFiles(dir), [segName(22), 'snapshot.json']);
    await again.store.close();
    await reopenExpect(dir, 21, []);
  });

  it('runs compactions in order and does not start empty segments for nothing', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, range(1, 5));
    const a = store.compact({ upTo: 5 }, 5);
    const b = store.compact({ upTo: 5, again: true }, 5);
    await Promise.all([a, b]);
    await store.compact({ upTo: 5, third: true }, 5);
    assert.equal(store.stats.rotations, 1);
    assert.deepEqual(await storeFiles(dir), [segName(6), 'snapshot.json']);
    await store.close();
    assert.deepEqual((await reopenExpect(dir, 5, [])).snapshot, { upTo: 5, third: true });
  });

  it('rejects an upToSeq outside snapshotSeq..lastSeq and a snapshot that is not JSON', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, range(1, 5));
    await store.compact({}, 3);
    await assert.rejects(store.compact({}, 6), RangeError);
    await assert.rejects(store.compact({}, 2), RangeError);
    await assert.rejects(store.compact({}, 4.5), RangeError);
    await assert.rejects(store.compact(undefined, 5), TypeError);
    await store.close();
  });

  it('fails only the compaction when the snapshot cannot be written', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, range(1, 5));
    await mkdir(path.join(dir, 'snapshot.json.tmp')); // open(tmp, 'w') fails with EISDIR
    await assert.rejects(store.compact({ upTo: 5 }, 5), /EISDIR|EPERM/);
    assert.equal(store.failure, undefined);
    await appendAll(store, range(6, 8));
    await store.close();
    await rm(path.join(dir, 'snapshot.json.tmp'), { recursive: true });
    await reopenExpect(dir, 0, range(1, 8));
  });
});
