/**
 * Reading one segment file back: where its valid records are, and a classification of whatever follows
 * them. A bad stretch that runs to the end of the file is a torn tail (recovery.ts decides, with the
 * checkpoint, whether it held anything acknowledged); a bad line with a valid record after it is damage
 * in the middle, which only `repair` may remove. Framed lines are checked by frame and checksum alone;
 * their JSON is parsed later, one record at a time (logTail.ts).
 */
import { excerpt, LogCorruptError } from './format';
import {
  checkFramedLine,
  decodeFramedLine,
  decodeLegacyLine,
  GAP_TYPE,
  nextRecordOffset,
  type FrameCheck,
  type LineDecoder,
} from './framing';
import type { LogRecord } from './types';

const NEWLINE = 0x0a;

export interface SegmentScan {
  /** Seq, start and end (without the newline) of each valid record, flat; gap markers left out. */
  records: number[];
  /** How many seqs the valid prefix covers (records, and the seqs gap markers stand for). */
  seqCount: number;
  /** Byte length of the valid prefix: where the file is truncated when it has a torn tail. */
  goodBytes: number;
  /** Why the bytes after goodBytes were rejected; undefined when the whole file is valid. */
  tailReason?: string;
}

export const decoderFor = (legacy: boolean): LineDecoder => (legacy ? decodeLegacyLine : decodeFramedLine);

/** The seq after a valid record (a gap marker stands for seq..through). */
export const seqAfter = (record: LogRecord): number =>
  record.type === GAP_TYPE ? Number(record.through) + 1 : record.seq + 1;

/** A legacy line checked like a framed one: its seq (legacy segments have no gap markers). */
function checkLegacyLine(buf: Buffer, start: number, end: number): FrameCheck {
  const line = decodeLegacyLine(buf, start, end);
  return 'record' in line ? { seq: line.record.seq } : line;
}

/** Throws LogCorruptError when a bad line is followed by a valid record. */
export function scanSegment(file: string, buf: Buffer, firstSeq: number, legacy: boolean): SegmentScan {
  const check = legacy ? checkLegacyLine : checkFramedLine;
  const records: number[] = [];
  let expected = firstSeq;
  let pos = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(NEWLINE, pos);
    if (nl === -1) {
      return { records, seqCount: expected - firstSeq, goodBytes: pos, tailReason: 'the last line has no newline' };
    }
    const line = check(buf, pos, nl);
    const problem =
      'problem' in line
        ? line.problem
        : line.seq !== expected
          ? `the record has seq ${line.seq} where ${expected} was expected`
          : undefined;
    if (problem !== undefined || 'problem' in line) {
      const later = nextRecordOffset(buf, nl + 1, decoderFor(legacy));
      if (later !== undefined) {
        throw new LogCorruptError(
          file,
          pos,
          `${problem}; found ${excerpt(buf, pos)}; valid records follow at byte offset ${later}`,
        );
      }
      return { records, seqCount: expected - firstSeq, goodBytes: pos, tailReason: problem };
    }
    if (line.through === undefined) {
      records.push(line.seq, pos, nl);
    }
    expected = (line.through ?? line.seq) + 1;
    pos = nl + 1;
  }
  return { records, seqCount: expected - firstSeq, goodBytes: pos };
}
