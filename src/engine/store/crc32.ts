/**
 * CRC-32 (IEEE, the zlib/PNG one) for the store's framing. node:zlib has crc32 from Node 20.15 / 22.2;
 * older Node 20 releases (and any runtime without it) use the table below, which gives the same values.
 * `value` continues a running checksum, as if `data` were appended to what produced it.
 */
import * as zlib from 'node:zlib';

type Crc32 = (data: string | Uint8Array, value?: number) => number;

const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

/** The table-driven CRC-32; exported so a test can check it against zlib's. */
export function tableCrc32(data: string | Uint8Array, value = 0): number {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let crc = (value ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    crc = TABLE[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const native = (zlib as unknown as { crc32?: Crc32 }).crc32;

/** CRC-32 of `data` (a string counts as its UTF-8 bytes). */
export const crc32: Crc32 = typeof native === 'function' ? native : tableCrc32;

/** Eight lower-case hex digits, as the store writes checksums. */
export const crcHex = (crc: number): string => crc.toString(16).padStart(8, '0');
