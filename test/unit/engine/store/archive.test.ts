import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ArchiveBuilder } from '../../../../src/engine/store/archive';
import { ArchiveReader } from '../../../../src/engine/store/archiveReader';
import { archiveFileName } from '../../../../src/engine/store/format';
import { LogCorruptError } from '../../../../src/engine/store/logStore';
import { appendAll, open, range, storeFiles, useTempDirs } from './helpers';

const item = (i: number) => ({ i, text: `message ${i} — ✓ ${'x'.repeat(i % 13)}` });

describe('LogStore: archive files', () => {
  const tempDir = useTempDirs();

  it('reads back any range of any run, also after a run is copied into a newer file', async () => {
    const dir = await tempDir();
    const first = new ArchiveBuilder(1);
    const a = first.add(range(1, 7).map(item));
    const b = first.add(range(8, 8).map(item));
    await first.write(dir, true);
    const second = new ArchiveBuilder(2);
    second.add([item(99)]);
    const moved = second.copy(a);
    await second.write(dir, true);
    const reader = new ArchiveReader(dir);
    for (const run of [a, moved]) {
      for (let from = 0; from < 7; from++) {
        for (let to = from + 1; to <= 7; to++) {
          assert.deepEqual(reader.read(run, from, to), range(from + 1, to).map(item));
        }
      }
    }
    assert.deepEqual(reader.read(b, 0, 1), [item(8)]);
    assert.deepEqual(reader.read(a, 3, 3), []);
    reader.close();
  });

  it('refuses a changed byte in an archived record, naming the file', async () => {
    const dir = await tempDir();
    const builder = new ArchiveBuilder(1);
    const run = builder.add(range(1, 3).map(item));
    await builder.write(dir, false);
    const file = path.join(dir, archiveFileName(1));
    const bytes = await readFile(file);
    const at = bytes.indexOf('message 2');
    bytes[at] = 'M'.charCodeAt(0);
    await writeFile(file, bytes);
    const reader = new ArchiveReader(dir);
    assert.deepEqual(reader.read(run, 0, 1), [item(1)], 'the undamaged record still reads');
    assert.throws(
      () => reader.read(run, 1, 2),
      (e: unknown) => e instanceof LogCorruptError && e.file === file && /checksum/.test(e.message),
    );
    reader.close();
  });

  it('writes the archive before the snapshot that lists it, and drops the ones it no longer keeps after the caller switched', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, range(1, 3));
    const one = store.newArchive();
    const run1 = one.add([item(1)]);
    await store.compact({ s: 1 }, 3, { builder: one, keep: [] });
    assert.deepEqual([...store.archiveFiles.keys()], [1]);
    const two = store.newArchive();
    const moved = two.copy(run1);
    let existedAtSwitch = false;
    await store.compact({ s: 2 }, 3, {
      builder: two,
      keep: [],
      onDurable: () => (existedAtSwitch = existsSync(path.join(dir, archiveFileName(1)))),
    });
    assert.ok(existedAtSwitch, 'the old file was still there when the caller switched');
    assert.deepEqual(await storeFiles(dir), [archiveFileName(2), 'log-0000000000000004.v2.jsonl', 'snapshot.json']);
    assert.deepEqual(store.archive.read(moved, 0, 1), [item(1)]);
    await store.close();
    const { store: again } = await open(dir);
    assert.deepEqual([...again.archiveFiles], [[2, (await stat(path.join(dir, archiveFileName(2)))).size]]);
    await again.close();
  });

  it('removes an archive file no snapshot lists (a crash before the snapshot), refuses a listed one that is missing or resized', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, [1]);
    const builder = store.newArchive();
    builder.add([item(1)]);
    await store.compact({}, 1, { builder, keep: [] });
    await store.close();
    await writeFile(path.join(dir, archiveFileName(7)), 'left by a crashed compaction');
    await (await open(dir)).store.close();
    assert.ok(!existsSync(path.join(dir, archiveFileName(7))));
    const listed = path.join(dir, archiveFileName(1));
    await truncate(listed, 10);
    await assert.rejects(
      open(dir),
      (e: unknown) => e instanceof LogCorruptError && e.file === listed && /has 10/.test(e.message),
    );
  });

  it('a failed archive write fails only that compaction', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, range(1, 2));
    const builder = store.newArchive();
    builder.add([item(1)]);
    await writeFile(path.join(dir, archiveFileName(builder.id)), 'in the way'); // 'wx' refuses to overwrite it
    await assert.rejects(store.compact({}, 2, { builder, keep: [] }), /EEXIST/);
    assert.equal(store.failure, undefined);
    await appendAll(store, [3]);
    assert.equal(store.snapshotSeq, 0);
    await store.close();
  });
});
