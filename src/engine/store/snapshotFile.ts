/**
 * snapshot.json, format 2: a header line, then the snapshot as one JSON line.
 *
 *   {"format":2,"seq":S,"archives":[[id,bytes],…],"bytes":N,"crc":"hhhhhhhh"}\n
 *   <the snapshot: N bytes of JSON>\n
 *
 * It covers seqs 1..S; `archives` lists the archive files it refers to with their sizes (recovery
 * removes the others, and refuses a listed one that is missing or has another size); `crc` is the
 * CRC-32 of the N bytes. Format 1 (engines before it) was one line {"format":1,"seq":S,"snapshot":…}.
 */
import { z } from 'zod';
import { crc32, crcHex } from './crc32';
import { LogCorruptError } from './format';

const whole = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const Header = z.object({
  format: z.literal(2),
  seq: whole,
  archives: z.array(z.tuple([whole.min(1), whole])),
  bytes: whole,
  crc: z.string(),
});
const LegacyDocument = z.object({ format: z.literal(1), seq: whole, snapshot: z.unknown() });

export interface DecodedSnapshot {
  seq: number;
  snapshot: unknown;
  /** Archive file id → size in bytes, as the snapshot lists them. */
  archives: Map<number, number>;
  /** A format-1 snapshot (written before format 2). */
  legacy: boolean;
}

/** The snapshot's JSON bytes, serialized now (the caller may go on changing the object). */
export function serializeSnapshot(snapshot: unknown): Buffer {
  const json = JSON.stringify(snapshot) as string | undefined;
  // undefined (or a function) has no JSON and would come back as something else.
  if (json === undefined) {
    throw new TypeError('a snapshot must be a JSON value');
  }
  return Buffer.from(json, 'utf8');
}

/** The whole snapshot.json for a serialized snapshot covering 1..seq that refers to `archives`. */
export function snapshotDocument(seq: number, payload: Buffer, archives: ReadonlyMap<number, number>): Buffer {
  const header = { format: 2, seq, archives: [...archives], bytes: payload.length, crc: crcHex(crc32(payload)) };
  return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload, Buffer.from('\n')]);
}

function parse(file: string, text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new LogCorruptError(file, 0, `the snapshot's ${what} is not valid JSON (${(e as Error).message})`);
  }
}

export function decodeSnapshot(file: string, buf: Buffer): DecodedSnapshot {
  const nl = buf.indexOf(0x0a);
  const first = parse(file, buf.subarray(0, nl === -1 ? buf.length : nl).toString('utf8'), 'header');
  const legacy = LegacyDocument.safeParse(first);
  if (legacy.success) {
    return { seq: legacy.data.seq, snapshot: legacy.data.snapshot, archives: new Map(), legacy: true };
  }
  const header = Header.safeParse(first);
  if (!header.success) {
    throw new LogCorruptError(file, 0, 'the snapshot has no format-2 header (nor is it a format-1 snapshot)');
  }
  const { seq, archives, bytes, crc } = header.data;
  const payload = buf.subarray(nl + 1, nl + 1 + bytes);
  if (payload.length !== bytes || buf.length !== nl + 2 + bytes || buf[buf.length - 1] !== 0x0a) {
    throw new LogCorruptError(file, nl + 1, `the snapshot should have ${bytes} bytes after its header`);
  }
  if (crcHex(crc32(payload)) !== crc) {
    throw new LogCorruptError(file, nl + 1, "the snapshot's checksum does not match");
  }
  return { seq, snapshot: parse(file, payload.toString('utf8'), 'body'), archives: new Map(archives), legacy: false };
}
