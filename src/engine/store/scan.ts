/**
 * Reading one segment file back: the valid prefix of records, and a classification of whatever follows
 * it. A bad stretch that runs to the end of the file is a torn tail (the crash interrupted the last
 * write, whose records were never acknowledged); a bad line with a good record after it is corruption.
 */
import { LogCorruptError } from './format';
import type { LogRecord } from './types';

const NEWLINE = 0x0a;
/** fatal: bytes that are not UTF-8 make the line bad instead of silently becoming U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface SegmentScan {
  /** The valid records, in order, starting at the segment's first seq. */
  records: LogRecord[];
  /** Byte length of the valid prefix: where the file is truncated when it has a torn tail. */
  goodBytes: number;
  /** Why the bytes after goodBytes were rejected; undefined when the whole file is valid. */
  tailReason?: string;
}

function parseLine(buf: Buffer, start: number, end: number): unknown {
  try {
    return JSON.parse(utf8.decode(buf.subarray(start, end)));
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** What is wrong with a parsed line, given the seq it must carry; undefined when it is that record. */
function problemOf(value: unknown, expectedSeq: number): string | undefined {
  if (!isObject(value)) {
    return 'the line is not a JSON object';
  }
  if (typeof value.type !== 'string') {
    return 'the record has no string "type"';
  }
  if (value.seq !== expectedSeq) {
    return `the record has seq ${JSON.stringify(value.seq)} where ${expectedSeq} was expected`;
  }
  return undefined;
}

/** Offset of the first complete line at or after `from` that looks like a record, if any. */
function nextRecordOffset(buf: Buffer, from: number): number | undefined {
  let pos = from;
  while (pos < buf.length) {
    const nl = buf.indexOf(NEWLINE, pos);
    if (nl === -1) {
      return undefined;
    }
    const value = parseLine(buf, pos, nl);
    if (isObject(value) && Number.isSafeInteger(value.seq) && typeof value.type === 'string') {
      return pos;
    }
    pos = nl + 1;
  }
  return undefined;
}

/** Throws LogCorruptError when a bad line is followed by a good record. */
export function scanSegment(file: string, buf: Buffer, firstSeq: number): SegmentScan {
  const records: LogRecord[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(NEWLINE, pos);
    if (nl === -1) {
      return { records, goodBytes: pos, tailReason: 'the last line has no newline' };
    }
    const value = parseLine(buf, pos, nl);
    const problem =
      value === undefined ? 'the line is not valid UTF-8 JSON' : problemOf(value, firstSeq + records.length);
    if (problem !== undefined) {
      const later = nextRecordOffset(buf, nl + 1);
      if (later !== undefined) {
        throw new LogCorruptError(file, pos, `${problem}, and a record follows at byte offset ${later}`);
      }
      return { records, goodBytes: pos, tailReason: problem };
    }
    records.push(value as LogRecord);
    pos = nl + 1;
  }
  return { records, goodBytes: pos };
}
