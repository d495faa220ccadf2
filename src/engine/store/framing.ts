/**
 * One record as one line of a segment, framed so that any damage is found:
 *
 *   {"seq":N,"crc":"hhhhhhhh","type":"…",…}\n
 *
 * crc is the CRC-32 of the bytes after `"crc":"hhhhhhhh",` up to the closing brace, continued from the
 * CRC-32 of N's digits, so a changed byte anywhere in the line (seq included) fails the check. The line
 * stays plain JSON: `jq` and `grep` still read the files. Segments written before format 2 have no crc
 * (legacy lines, `{"seq":N,"type":…}`); they are read only to migrate them.
 *
 * A gap marker `{"seq":N,"crc":…,"type":"log.gap","through":M,…}` stands for seqs N..M that `repair`
 * moved aside; recovery skips it, the engine never sees it.
 */
import { crc32, crcHex } from './crc32';
import type { LogRecord } from './types';

export const GAP_TYPE = 'log.gap';
const NEWLINE = 0x0a;
const SEQ_PREFIX = Buffer.from('{"seq":');
const CRC_PREFIX = Buffer.from(',"crc":"');
/** fatal: bytes that are not UTF-8 make the line bad instead of silently becoming U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The framed line for a record body (format.encodeBody's JSON) at `seq`. */
export function encodeLine(seq: number, body: string): string {
  const rest = body.slice(1); // `"type":…}`
  return `{"seq":${seq},"crc":"${crcHex(crc32(rest, crc32(String(seq))))}",${rest}\n`;
}

export type LineCheck = { record: LogRecord } | { problem: string };
/** A framed line whose frame and checksum are right: its seq, and for a gap marker the last seq it stands for. */
export type FrameCheck = { seq: number; through?: number } | { problem: string };

const GAP_BODY = Buffer.from(`"type":"${GAP_TYPE}"`);

function parseJson(buf: Buffer, start: number, end: number): unknown {
  try {
    return JSON.parse(utf8.decode(buf.subarray(start, end)));
  } catch {
    return undefined;
  }
}

const startsWith = (buf: Buffer, at: number, prefix: Buffer) =>
  at + prefix.length <= buf.length && prefix.every((b, i) => buf[at + i] === b);

function digitsEnd(buf: Buffer, from: number, max: number): number {
  let i = from;
  while (i < buf.length && i - from < max && buf[i]! >= 0x30 && buf[i]! <= 0x39) {
    i++;
  }
  return i;
}

/**
 * Checks the frame and checksum of the line buf[start, end) (end excludes the newline) without parsing
 * its JSON: a line whose checksum matches is exactly what encodeLine wrote for a record encodeBody
 * accepted. Gap markers (always written with "type" first) are parsed for their `through`.
 */
export function checkFramedLine(buf: Buffer, start: number, end: number): FrameCheck {
  const frame = frameOf(buf, start, end);
  if ('problem' in frame) {
    return frame;
  }
  if (!startsWith(buf, frame.restAt, GAP_BODY)) {
    return { seq: frame.seq };
  }
  const marker = parseJson(buf, start, end) as { through?: unknown } | undefined;
  const through = marker?.through;
  return Number.isSafeInteger(through) && Number(through) >= frame.seq
    ? { seq: frame.seq, through: Number(through) }
    : { problem: 'the gap marker has no valid "through"' };
}

/** The record of a line checkFramedLine accepted. */
export function decodeFramedRecord(buf: Buffer, start: number, end: number): LogRecord {
  const value = JSON.parse(utf8.decode(buf.subarray(start, end))) as LogRecord & { crc?: unknown };
  delete value.crc;
  return value;
}

function frameOf(buf: Buffer, start: number, end: number): { seq: number; restAt: number } | { problem: string } {
  if (!startsWith(buf, start, SEQ_PREFIX)) {
    return { problem: 'the line does not start with {"seq":' };
  }
  const seqStart = start + SEQ_PREFIX.length;
  const seqEnd = digitsEnd(buf, seqStart, 16);
  const crcAt = seqEnd + CRC_PREFIX.length;
  if (seqEnd === seqStart || !startsWith(buf, seqEnd, CRC_PREFIX) || crcAt + 10 > end) {
    return { problem: 'the line has no "seq" and "crc" frame' };
  }
  const stated = Buffer.from(buf.subarray(crcAt, crcAt + 8)).toString('latin1');
  const restAt = crcAt + 10; // after hhhhhhhh",
  const actual = crcHex(crc32(buf.subarray(restAt, end), crc32(buf.subarray(seqStart, seqEnd))));
  if (buf[crcAt + 8] !== 0x22 || buf[crcAt + 9] !== 0x2c || stated !== actual) {
    return { problem: `the checksum does not match (stated ${JSON.stringify(stated)}, computed "${actual}")` };
  }
  return { seq: Number(Buffer.from(buf.subarray(seqStart, seqEnd)).toString('latin1')), restAt };
}

/** The framed record in buf[start, end) (end excludes the newline), or what is wrong with it. */
export function decodeFramedLine(buf: Buffer, start: number, end: number): LineCheck {
  const frame = frameOf(buf, start, end);
  if ('problem' in frame) {
    return frame;
  }
  const value = parseJson(buf, start, end) as Record<string, unknown> | undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof value.type !== 'string') {
    return { problem: 'the line is not a JSON record with a string "type"' };
  }
  delete value.crc;
  return { record: value as LogRecord };
}

/** A line of a segment written before format 2: a JSON object with a whole seq and a string type. */
export function decodeLegacyLine(buf: Buffer, start: number, end: number): LineCheck {
  const value = parseJson(buf, start, end);
  if (value === undefined) {
    return { problem: 'the line is not valid UTF-8 JSON' };
  }
  const v = value as Record<string, unknown>;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    return { problem: 'the line is not a JSON object' };
  }
  if (typeof v.type !== 'string') {
    return { problem: 'the record has no string "type"' };
  }
  if (!Number.isSafeInteger(v.seq)) {
    return { problem: 'the record has no whole "seq"' };
  }
  return { record: v as LogRecord };
}

export type LineDecoder = typeof decodeFramedLine;

/** Offset of the first complete line at or after `from` that is a record, if any (resynchronizing after damage). */
export function nextRecordOffset(buf: Buffer, from: number, decode: LineDecoder): number | undefined {
  let pos = from;
  while (pos < buf.length) {
    const nl = buf.indexOf(NEWLINE, pos);
    if (nl === -1) {
      return undefined;
    }
    if ('record' in decode(buf, pos, nl)) {
      return pos;
    }
    pos = nl + 1;
  }
  return undefined;
}

/**
 * Inside a damaged line, where a framed record starts whose bytes reach the line's end intact (the
 * newline of a damaged record may be lost, joining it to the next one). Used by repair to keep it.
 */
export function recordStartWithin(buf: Buffer, from: number, end: number): number | undefined {
  for (let at = buf.indexOf(SEQ_PREFIX, from + 1); at !== -1 && at < end; at = buf.indexOf(SEQ_PREFIX, at + 1)) {
    if ('record' in decodeFramedLine(buf, at, end)) {
      return at;
    }
  }
  return undefined;
}
