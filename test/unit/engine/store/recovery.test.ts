import assert from 'node:assert/strict';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LogCorruptError } from '../../../../src/engine/store/logStore';
import {
  appendAll,
  assertRecords,
  lineOf,
  open,
  range,
  readText,
  reopenExpect,
  segName,
  sizeOf,
  storeFiles,
  useTempDirs,
  writeSegment,
  writeSnapshot,
} from './helpers';

const TORN_TAILS: [string, string | Buffer][] = [
  ['half a line', lineOf(4).slice(0, 25)],
  ['a whole record without its newline', lineOf(4).slice(0, -1)],
  ['a cut inside a multi-byte character', Buffer.from(lineOf(4)).subarray(0, Buffer.from(lineOf(4)).indexOf('ü') + 1)],
  ['garbage bytes with newlines', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x0a, 0x00, 0x01, 0x0a, 0x5b, 0x31])],
  ['a zero-filled block', Buffer.alloc(4096)],
  ['a seq gap at the end', lineOf(9)],
  ['a repeated seq at the end', lineOf(3)],
  ['a JSON line that is not a record', '[1,2,3]\n'],
  ['a complete record then half a line', lineOf(9) + lineOf(10).slice(0, 10)],
];

describe('LogStore: recovery', () => {
  const tempDir = useTempDirs();

  for (const [name, tail] of TORN_TAILS) {
    it(`drops and truncates a torn tail: ${name}`, async () => {
      const dir = await tempDir();
      const file = await writeSegment(dir, 1, [1, 2, 3], tail);
      const goodSize = Buffer.byteLength(range(1, 3).map(lineOf).join(''));
      const { store, opened } = await open(dir);
      assertRecords(opened.records, [1, 2, 3]);
      assert.equal(opened.droppedTailBytes, Buffer.from(tail).length);
      assert.equal(await sizeOf(file), goodSize);
      await appendAll(store, [4, 5]);
      await store.close();
      assert.equal(await readText(file), range(1, 5).map(lineOf).join(''));
      const again = await reopenExpect(dir, 0, range(1, 5));
      assert.equal(again.droppedTailBytes, 0);
    });
  }

  it('drops a segment whose only content is torn and appends into it', async () => {
    const dir = await tempDir();
    await writeSegment(dir, 1, [1, 2]);
    const second = await writeSegment(dir, 3, [], lineOf(3).slice(0, 7));
    const { store, opened } = await open(dir);
    assert.equal(opened.droppedTailBytes, 7);
    await appendAll(store, [3]);
    await store.close();
    assert.equal(await readText(second), lineOf(3));
    await reopenExpect(dir, 0, [1, 2, 3]);
  });

  // Five good lines l[0..4]; each variant damages the third record (offset of l[2]) and keeps l[3], l[4].
  const MIDDLE: [string, (l: string[]) => string[]][] = [
    ['a garbage line', (l) => [l[0]!, l[1]!, 'garbage\n', l[2]!, l[3]!, l[4]!]],
    ['a torn line', (l) => [l[0]!, l[1]!, l[2]!.slice(0, 12), '\n', l[3]!, l[4]!]],
    ['a missing newline between records', (l) => [l[0]!, l[1]!, l[2]!.slice(0, -1), l[3]!, l[4]!]],
    ['a seq gap', (l) => [l[0]!, l[1]!, l[3]!, l[4]!]],
    ['a flipped byte breaking the JSON', (l) => [l[0]!, l[1]!, l[2]!.replace('"type"', '"ty\x01e"'), l[3]!, l[4]!]],
    ['a zero-filled block', (l) => [l[0]!, l[1]!, '\0'.repeat(512), l[2]!, l[3]!]],
  ];
  for (const [name, corrupt] of MIDDLE) {
    it(`refuses corruption in the middle, naming file and offset: ${name}`, async () => {
      const dir = await tempDir();
      const lines = range(1, 5).map(lineOf);
      const content = corrupt(lines).join('');
      const file = path.join(dir, segName(1));
      await writeFile(file, content);
      const offset = Buffer.byteLength(lines[0]! + lines[1]!);
      const err = await open(dir).then(
        () => assert.fail('open should have thrown'),
        (e: unknown) => e,
      );
      assert.ok(err instanceof LogCorruptError, String(err));
      assert.equal(err.file, file);
      assert.equal(err.offset, offset);
      assert.ok(err.message.includes(file) && err.message.includes(`offset ${offset}`), err.message);
      assert.equal(await readText(file), content, 'the file is left as it was');
    });
  }

  it('refuses a torn tail in a segment that later segments follow', async () => {
    const dir = await tempDir();
    const first = await writeSegment(dir, 1, [1, 2], lineOf(3).slice(0, 9));
    await writeSegment(dir, 3, [3, 4]);
    await assert.rejects(
      open(dir),
      (e: unknown) =>
        e instanceof LogCorruptError && e.file === first && e.offset === Buffer.byteLength(lineOf(1) + lineOf(2)),
    );
  });

  it('refuses a gap between segments', async () => {
    const dir = await tempDir();
    await writeSegment(dir, 1, [1, 2]);
    const third = await writeSegment(dir, 5, [5, 6]);
    await assert.rejects(
      open(dir),
      (e: unknown) => e instanceof LogCorruptError && e.file === third && /seq 3 was expected/.test(e.message),
    );
  });

  it('refuses a segment whose first record does not match its name', async () => {
    const dir = await tempDir();
    await writeSegment(dir, 1, [1, 2]);
    const file = path.join(dir, segName(3));
    await writeFile(file, lineOf(4) + lineOf(5));
    await assert.rejects(open(dir), (e: unknown) => e instanceof LogCorruptError && e.file === file && e.offset === 0);
  });

  it('refuses a log that starts after the snapshot ends', async () => {
    const dir = await tempDir();
    await writeSnapshot(dir, 3, { s: 3 });
    await writeSegment(dir, 6, [6, 7]);
    await assert.rejects(open(dir), /records 4\.\.5 are missing/);
  });

  it('refuses an unreadable snapshot', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'snapshot.json'), '{"format":1,"seq":3,"snap');
    await writeSegment(dir, 1, [1, 2, 3, 4]);
    await assert.rejects(
      open(dir),
      (e: unknown) => e instanceof LogCorruptError && e.file === path.join(dir, 'snapshot.json'),
    );
  });

  it('removes empty leftover segments that do not continue the log', async () => {
    const dir = await tempDir();
    await writeSegment(dir, 1, [1, 2, 3], lineOf(4).slice(0, 5));
    await writeFile(path.join(dir, segName(4)), ''); // not the last file, so not where appends go
    await writeFile(path.join(dir, segName(9)), ''); // does not continue the log
    const { store, opened } = await open(dir);
    assertRecords(opened.records, [1, 2, 3]);
    await appendAll(store, [4]);
    await store.close();
    assert.deepEqual(await storeFiles(dir), [segName(1)]);
    assert.equal(await readText(path.join(dir, segName(1))), range(1, 4).map(lineOf).join(''));
    await reopenExpect(dir, 0, range(1, 4));
  });

  it('leaves files that are not the store’s alone', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'engine.lock'), 'pid');
    await writeFile(path.join(dir, 'notes.tmp'), 'x');
    const { store } = await open(dir);
    await appendAll(store, [1]);
    await store.close();
    assert.equal(await readFile(path.join(dir, 'engine.lock'), 'utf8'), 'pid');
    assert.equal(await readFile(path.join(dir, 'notes.tmp'), 'utf8'), 'x');
  });

  it('recovers a tail appended after a clean close', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, [1, 2]);
    await store.close();
    await appendFile(path.join(dir, segName(1)), '{"seq":3,"type":"test.rec');
    const opened = await reopenExpect(dir, 0, [1, 2]);
    assert.equal(opened.droppedTailBytes, 25);
  });
});
