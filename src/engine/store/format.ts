/**
 * The on-disk format of the log store: file names, the encoding of one record as one JSON line, the
 * snapshot document, and the error recovery throws when it finds data it must not drop.
 * See logStore.ts for the layout and the reasoning behind it.
 */
import type { NewRecord } from './types';

export const SNAPSHOT_FILE = 'snapshot.json';
/** Written first and renamed over SNAPSHOT_FILE; a leftover one is from a crashed compaction. */
export const SNAPSHOT_TMP_FILE = 'snapshot.json.tmp';
export const SNAPSHOT_FORMAT = 1;
/** Files and directories hold the user's conversations: owner-only. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** 16 digits hold every safe integer, so names sort the same as text and as numbers. */
const SEQ_DIGITS = 16;
const SEGMENT_NAME = /^log-(\d+)\.jsonl$/;

export function segmentFileName(firstSeq: number): string {
  return `log-${String(firstSeq).padStart(SEQ_DIGITS, '0')}.jsonl`;
}

/** The first seq of a segment file name, or undefined when the name is not a segment's. */
export function parseSegmentFileName(name: string): number | undefined {
  const m = SEGMENT_NAME.exec(name);
  if (!m) {
    return undefined;
  }
  const seq = Number(m[1]);
  return Number.isSafeInteger(seq) && seq >= 1 ? seq : undefined;
}

/**
 * Serializes a record without its seq. Throws (before append assigns any seq) for what recovery would
 * later reject, so a record that was acknowledged can always be read back.
 */
export function encodeBody(record: NewRecord): string {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new TypeError('a log record must be a plain object');
  }
  if (typeof record.type !== 'string') {
    throw new TypeError('a log record needs a string "type"');
  }
  if (Object.prototype.hasOwnProperty.call(record, 'seq')) {
    throw new TypeError('a log record must not carry a "seq"; the store assigns it');
  }
  // A top-level toJSON could turn the record into something that is not a record.
  if (typeof (record as { toJSON?: unknown }).toJSON === 'function') {
    throw new TypeError('a log record must not have a toJSON method');
  }
  return JSON.stringify(record);
}

/** `{"seq":N,…body…}\n`: the seq goes first so a person reading the file sees it first. */
export function encodeLine(seq: number, body: string): string {
  return body === '{}' ? `{"seq":${seq}}\n` : `{"seq":${seq},${body.slice(1)}\n`;
}

export function encodeSnapshot(seq: number, snapshot: unknown): string {
  const text = JSON.stringify({ format: SNAPSHOT_FORMAT, seq, snapshot });
  // undefined (or a function) would vanish from the document and come back as "no snapshot".
  if (snapshot === undefined || !text.includes('"snapshot":')) {
    throw new TypeError('a snapshot must be a JSON value');
  }
  return `${text}\n`;
}

export function decodeSnapshot(file: string, text: string): { seq: number; snapshot: unknown } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new LogCorruptError(file, 0, `the snapshot is not valid JSON (${(e as Error).message})`);
  }
  const d = doc as { format?: unknown; seq?: unknown; snapshot?: unknown } | null;
  if (typeof d !== 'object' || d === null || d.format !== SNAPSHOT_FORMAT) {
    throw new LogCorruptError(file, 0, `the snapshot is not a format-${SNAPSHOT_FORMAT} snapshot document`);
  }
  if (typeof d.seq !== 'number' || !Number.isSafeInteger(d.seq) || d.seq < 0) {
    throw new LogCorruptError(file, 0, 'the snapshot has no valid "seq"');
  }
  return { seq: d.seq, snapshot: d.snapshot };
}

/**
 * Data the store will not silently drop: corruption followed by good records, gaps between files, an
 * unreadable snapshot. The engine must not start over it; an operator has to look at `file`.
 */
export class LogCorruptError extends Error {
  override readonly name = 'LogCorruptError';
  constructor(
    readonly file: string,
    readonly offset: number,
    readonly reason: string,
  ) {
    super(`log store file ${file} is corrupt at byte offset ${offset}: ${reason}`);
  }
}

/** Every durable promise of a failed store rejects with this; `cause` is the I/O error. */
export class LogStoreFailedError extends Error {
  override readonly name = 'LogStoreFailedError';
}
