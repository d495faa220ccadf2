import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as zlib from 'node:zlib';
import { crc32, tableCrc32 } from '../../../../src/engine/store/crc32';
import { decodeFramedLine, encodeLine } from '../../../../src/engine/store/framing';
import { LogCorruptError } from '../../../../src/engine/store/logStore';
import { lineOf, open, range, readText, segName, useTempDirs } from './helpers';

describe('LogStore: framing (length by line, CRC-32 per record)', () => {
  const tempDir = useTempDirs();

  it('computes the zlib CRC-32 with or without node:zlib’s crc32, continuing a running value', () => {
    assert.equal(tableCrc32('123456789'), 0xcbf43926);
    const native = (zlib as unknown as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
    for (let i = 0; i < 50; i++) {
      const data = randomBytes(1 + ((i * 37) % 300));
      const seed = tableCrc32(data.subarray(0, 7));
      assert.equal(tableCrc32(data.subarray(7), seed), tableCrc32(data));
      if (native) {
        assert.equal(tableCrc32(data), native(data));
      }
    }
    assert.equal(crc32('ünïcødé 🚀'), tableCrc32(Buffer.from('ünïcødé 🚀')));
  });

  it('finds a changed byte anywhere in a line, seq and checksum included', () => {
    const line = Buffer.from(encodeLine(42, JSON.stringify({ type: 't', text: 'héllo' })));
    assert.ok('record' in decodeFramedLine(line, 0, line.length - 1));
    for (let at = 0; at < line.length - 1; at++) {
      const bad = Buffer.from(line);
      bad[at] = bad[at]! ^ 0x04;
      const check = decodeFramedLine(bad, 0, bad.length - 1);
      assert.ok('problem' in check, `a change at byte ${at} went unnoticed: ${bad.toString('latin1')}`);
    }
  });

  // Defect 7: a damaged record in the middle must be refused with where it is and what was found, also
  // when the damage leaves well-formed JSON (a changed letter or digit), which a plain JSON log accepts.
  it('refuses a record whose bytes changed but still parse as JSON, naming file, offset and what was found', async () => {
    const dir = await tempDir();
    const lines = range(1, 5).map(lineOf);
    const damaged = lines[2]!.replace('record 3', 'record 8');
    assert.doesNotThrow(() => JSON.parse(damaged), 'still valid JSON');
    const file = path.join(dir, segName(1));
    const content = [lines[0], lines[1], damaged, lines[3], lines[4]].join('');
    await writeFile(file, content);
    const err = await open(dir).then(
      () => assert.fail('open should have refused the damaged record'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof LogCorruptError, String(err));
    const offset = Buffer.byteLength(lines[0]! + lines[1]!);
    assert.deepEqual([err.file, err.offset], [file, offset]);
    assert.match(err.message, /checksum does not match/);
    assert.match(err.message, /found "\{\\"seq\\":3,/, 'says what was found there');
    assert.match(err.message, new RegExp(`valid records follow at byte offset ${offset + Buffer.byteLength(damaged)}`));
    assert.equal(await readText(file), content, 'nothing was changed');
  });
});
