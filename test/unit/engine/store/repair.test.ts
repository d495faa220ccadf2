import assert from 'node:assert/strict';
import { readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repairLog } from '../../../../src/engine/store/repair';
import {
  appendAll,
  legacyLineOf,
  legacySegName,
  lineOf,
  open,
  range,
  reopenExpect,
  segName,
  useTempDirs,
} from './helpers';

type Damage = (l: string[]) => { lines: string[]; damaged: string; kept: number[] };

// Five good lines l[0..4]; each variant damages the third record and keeps the others where it can.
const DAMAGES: [string, Damage][] = [
  [
    'a garbage line',
    (l) => ({ lines: [l[0]!, l[1]!, 'garbage\n', l[3]!, l[4]!], damaged: 'garbage\n', kept: [1, 2, 4, 5] }),
  ],
  [
    'a changed byte that is still JSON',
    (l) => {
      const bad = l[2]!.replace('record 3', 'record 8');
      return { lines: [l[0]!, l[1]!, bad, l[3]!, l[4]!], damaged: bad, kept: [1, 2, 4, 5] };
    },
  ],
  [
    'a torn line',
    (l) => {
      const bad = `${l[2]!.slice(0, 12)}\n`;
      return { lines: [l[0]!, l[1]!, bad, l[3]!, l[4]!], damaged: bad, kept: [1, 2, 4, 5] };
    },
  ],
  [
    'a lost newline joining two records',
    (l) => {
      const bad = l[2]!.slice(0, -1);
      return { lines: [l[0]!, l[1]!, bad, l[3]!, l[4]!], damaged: bad, kept: [1, 2, 4, 5] };
    },
  ],
  [
    'a zero-filled block',
    (l) => {
      const bad = '\0'.repeat(512);
      return { lines: [l[0]!, l[1]!, bad, l[2]!, l[3]!, l[4]!], damaged: bad, kept: [1, 2, 3, 4, 5] };
    },
  ],
];

async function savedBytes(dir: string): Promise<string[]> {
  const damaged = path.join(dir, 'damaged');
  const names = (await readdir(damaged)).filter((n) => n.endsWith('.bin')).sort();
  return Promise.all(names.map((n) => readFile(path.join(damaged, n), 'latin1')));
}

describe('LogStore: repair keeps every valid record and moves the damage aside', () => {
  const tempDir = useTempDirs();

  for (const [name, damage] of DAMAGES) {
    it(`damage in the middle: ${name}`, async () => {
      const dir = await tempDir();
      const { lines, damaged, kept } = damage(range(1, 5).map(lineOf));
      await writeFile(path.join(dir, segName(1)), lines.join(''));
      await assert.rejects(open(dir), /damaged at byte offset/);
      const report = await repairLog(dir);
      assert.equal(report.changed, true);
      assert.deepEqual(await savedBytes(dir), [Buffer.from(damaged).toString('latin1')], 'exactly the damaged bytes');
      assert.equal(report.movedAside[0]!.offset, Buffer.byteLength(lines[0]! + lines[1]!));
      const { store, opened } = await open(dir);
      assert.deepEqual(
        opened.records.map((r) => r.seq),
        kept,
      );
      await appendAll(store, [6, 7]);
      await store.close();
      await reopenExpect(dir, 0, [...kept, 6, 7]);
      assert.equal((await repairLog(dir)).changed, false, 'a second repair finds nothing');
    });
  }

  it('accepts a loss of acknowledged records only by reporting it, and keeps seqs from repeating', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, range(1, 6));
    await store.close();
    await truncate(path.join(dir, segName(1)), Buffer.byteLength(range(1, 4).map(lineOf).join('')));
    await assert.rejects(open(dir), /acknowledged records are missing/);
    const report = await repairLog(dir);
    assert.deepEqual(report.lostAcknowledged, { from: 5, through: 6 });
    const { store: again, opened } = await open(dir);
    assert.deepEqual(
      opened.records.map((r) => r.seq),
      [1, 2, 3, 4],
    );
    assert.deepEqual(again.append([{ type: 'next' }]).seqs, [7], 'the lost seqs are not given out again');
    await again.close();
  });

  it('moves aside the records the caller cannot use, with a gap for their seqs', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, range(1, 5));
    await store.close();
    const report = await repairLog(dir, { drop: new Map([[2, 'refers to nothing']]) });
    assert.deepEqual(report.gaps, [{ from: 2, through: 2, why: 'refers to nothing' }]);
    assert.deepEqual(await savedBytes(dir), [Buffer.from(lineOf(2)).toString('latin1')]);
    await reopenExpect(dir, 0, [1, 3, 4, 5]);
  });

  it('repairs a segment written before format 2 into a framed one', async () => {
    const dir = await tempDir();
    const file = path.join(dir, legacySegName(1));
    await writeFile(file, [1, 2].map(legacyLineOf).join('') + 'junk\n' + [3, 4].map(legacyLineOf).join(''));
    await assert.rejects(open(dir), /damaged at byte offset/);
    await repairLog(dir);
    assert.deepEqual(
      (await readdir(dir)).filter((n) => n.startsWith('log-')),
      [segName(1)],
    );
    await reopenExpect(dir, 0, [1, 2, 3, 4]);
  });

  it('changes nothing in a log that opens', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    await appendAll(store, range(1, 3));
    await store.close();
    const report = await repairLog(dir);
    assert.deepEqual([report.changed, report.movedAside, report.gaps], [false, [], []]);
    assert.ok(!(await readdir(dir)).includes('damaged'));
  });
});
