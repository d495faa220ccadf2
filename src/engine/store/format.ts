/**
 * The store's file names and modes, the check that a record can be logged, and the errors recovery
 * throws when it finds data it must not drop. See logStore.ts for the layout and the reasoning.
 */
import type { NewRecord } from './types';

export const SNAPSHOT_FILE = 'snapshot.json';
/** Written first and renamed over SNAPSHOT_FILE; a leftover one is from a crashed compaction. */
export const SNAPSHOT_TMP_FILE = 'snapshot.json.tmp';
/** The highest seq known acknowledged (checkpoint.ts). */
export const CHECKPOINT_FILE = 'checkpoint.json';
/** Where `repair` moves damaged bytes (one file per damaged stretch) and its reports. */
export const DAMAGED_DIR = 'damaged';
/** Files and directories hold the user's conversations: owner-only. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/** 16 digits hold every safe integer, so names sort the same as text and as numbers. */
const SEQ_DIGITS = 16;
const pad = (n: number) => String(n).padStart(SEQ_DIGITS, '0');
/** Framed segments (framing.ts) end in .v2.jsonl; plain ones (engines before format 2) in .jsonl. */
const SEGMENT_NAME = /^log-(\d{1,16})(\.v2)?\.jsonl$/;
const ARCHIVE_NAME = /^archive-(\d{1,16})\.dat$/;

export function segmentFileName(firstSeq: number): string {
  return `log-${pad(firstSeq)}.v2.jsonl`;
}

/** A segment written before format 2 (tests and migration build them). */
export function legacySegmentFileName(firstSeq: number): string {
  return `log-${pad(firstSeq)}.jsonl`;
}

/** The first seq of a segment file name and whether it is framed, or undefined when it is not a segment's. */
export function parseSegmentFileName(name: string): { firstSeq: number; legacy: boolean } | undefined {
  const m = SEGMENT_NAME.exec(name);
  if (!m) {
    return undefined;
  }
  const seq = Number(m[1]);
  return Number.isSafeInteger(seq) && seq >= 1 ? { firstSeq: seq, legacy: m[2] === undefined } : undefined;
}

export function archiveFileName(id: number): string {
  return `archive-${pad(id)}.dat`;
}

export function parseArchiveFileName(name: string): number | undefined {
  const m = ARCHIVE_NAME.exec(name);
  const id = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(id) && id >= 1 ? id : undefined;
}

/**
 * Serializes a record without its seq. Throws (before append assigns any seq) for what recovery would
 * later reject, so a record that was acknowledged can always be read back.
 */
export function encodeBody(record: NewRecord): string {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new TypeError('a log record must be a plain object');
  }
  if (typeof record.type !== 'string' || record.type === 'log.gap') {
    throw new TypeError('a log record needs a string "type" (and not "log.gap", which repair writes)');
  }
  for (const reserved of ['seq', 'crc']) {
    if (Object.prototype.hasOwnProperty.call(record, reserved)) {
      throw new TypeError(`a log record must not carry a "${reserved}"; the store writes it`);
    }
  }
  // A top-level toJSON could turn the record into something that is not a record.
  if (typeof (record as { toJSON?: unknown }).toJSON === 'function') {
    throw new TypeError('a log record must not have a toJSON method');
  }
  return JSON.stringify(record);
}

/**
 * Data the store will not silently drop: a damaged record followed by good ones, acknowledged records
 * missing from the end, gaps between files, an unreadable snapshot or archive. The engine must not
 * start over it; `repair` (repair.ts) keeps every valid record and moves the damaged bytes aside.
 */
export class LogCorruptError extends Error {
  override readonly name = 'LogCorruptError';
  constructor(
    readonly file: string,
    readonly offset: number,
    readonly reason: string,
  ) {
    super(`state file ${file} is damaged at byte offset ${offset}: ${reason}`);
  }
}

/** Every durable promise of a failed store rejects with this; `cause` is the I/O error. */
export class LogStoreFailedError extends Error {
  override readonly name = 'LogStoreFailedError';
}

/** A short, printable excerpt of the bytes at `from` (damage found there), for messages and reports. */
export function excerpt(buf: Uint8Array, from: number, max = 40): string {
  const part = Buffer.from(buf.subarray(from, Math.min(buf.length, from + max)));
  return `${JSON.stringify(part.toString('latin1').replace(/[^\x20-\x7e]/g, '.'))}${from + max < buf.length ? '…' : ''}`;
}
