import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import {
  appendAll,
  assertRecords,
  open,
  range,
  readText,
  rec,
  reopenExpect,
  segName,
  storeFiles,
  useTempDirs,
} from './helpers';

describe('LogStore: append and reopen', () => {
  const tempDir = useTempDirs();

  it('opens an empty dir empty, creating the dir (0700) and the first segment (0600)', async () => {
    const dir = path.join(await tempDir(), 'data');
    const { store, opened } = await open(dir);
    assert.deepEqual(
      [opened.snapshot, opened.snapshotSeq, opened.records, opened.droppedTailBytes, opened.legacy],
      [undefined, 0, [], 0, false],
    );
    assert.equal(store.lastSeq, 0);
    assert.equal(store.bytesSinceSnapshot, 0);
    await store.close();
    assert.deepEqual(await storeFiles(dir), [segName(1)]);
    if (process.platform !== 'win32') {
      assert.equal((await stat(dir)).mode & 0o777, 0o700);
      assert.equal((await stat(path.join(dir, segName(1)))).mode & 0o777, 0o600);
    }
  });

  it('round-trips records and continues seqs across reopen', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    const { seqs, durable } = first.store.append([rec(1), rec(2), rec(3)]);
    assert.deepEqual(seqs, [1, 2, 3]);
    assert.equal(first.store.lastSeq, 3);
    await durable;
    await appendAll(first.store, [4, 5]);
    await first.store.close();

    const second = await open(dir);
    assertRecords(second.opened.records, range(1, 5));
    assert.equal(second.store.lastSeq, 5);
    await appendAll(second.store, [6, 7]);
    await second.store.close();
    await reopenExpect(dir, 0, range(1, 7));
    // One segment, JSON lines framed with seq and checksum first.
    assert.deepEqual(await storeFiles(dir), [segName(1)]);
    const lines = (await readText(path.join(dir, segName(1)))).split('\n');
    assert.equal(lines.length, 8);
    assert.equal(lines[7], '');
    assert.match(lines[0]!, /^\{"seq":1,"crc":"[0-9a-f]{8}","type":"test.record",/);
  });

  it('counts bytesSinceSnapshot as the bytes written to the log', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, [1, 2, 3]);
    const size = (await stat(path.join(dir, segName(1)))).size;
    assert.equal(store.bytesSinceSnapshot, size);
    assert.equal(store.stats.bytesWritten, size);
    await store.close();
    const again = await open(dir);
    assert.equal(again.store.bytesSinceSnapshot, size);
    await again.store.close();
  });

  it('rejects records it could not read back, without assigning seqs', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    const bad: unknown[] = [
      null,
      [],
      { noType: 1 },
      { type: 7 },
      { type: 't', seq: 9 },
      { type: 't', toJSON: () => ({}) },
    ];
    for (const record of bad) {
      assert.throws(() => store.append([rec(1), record as never]), TypeError);
    }
    assert.throws(() => store.append([{ type: 't', n: 10n }]), TypeError); // BigInt
    assert.equal(store.lastSeq, 0);
    await appendAll(store, [1]);
    await store.close();
    await reopenExpect(dir, 0, [1]);
  });

  it('append([]) resolves after everything appended before it', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    const order: string[] = [];
    void store.append([rec(1)]).durable.then(() => order.push('1'));
    const empty = store.append([]);
    assert.deepEqual(empty.seqs, []);
    await empty.durable.then(() => order.push('empty'));
    assert.deepEqual(order, ['1', 'empty']);
    await store.close();
  });

  it('close flushes what is queued and refuses later appends', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    const durables = range(1, 50).map((i) => store.append([rec(i)]).durable);
    await store.close();
    await Promise.all(durables); // all were flushed by close
    await assert.rejects(store.append([rec(51)]).durable, /closed/);
    await assert.rejects(store.compact({}, 50), /closed/);
    await reopenExpect(dir, 0, range(1, 50));
  });

  it('keeps content exactly, including odd strings', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    const odd = {
      type: 'odd',
      s: 'line\nbreak\r\ttab \u2028 \u0000 "quotes" \\ \ud800 end',
      empty: {},
      list: [1, null, 'x'],
    };
    await store.append([odd]).durable;
    await store.close();
    const again = await open(dir);
    // A lone surrogate is not representable in UTF-8 JSON output; JSON.stringify escapes it.
    assert.deepEqual(again.opened.records, [{ seq: 1, ...odd }]);
    await again.store.close();
  });
});
