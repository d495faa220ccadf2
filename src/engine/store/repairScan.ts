/**
 * Reading a damaged segment the way `repair` needs it: every valid record, and every damaged stretch
 * between them with its exact bytes, resynchronizing at the next valid record (also inside a line whose
 * newline was lost, so a record joined to a damaged one is kept).
 */
import { recordStartWithin, nextRecordOffset } from './framing';
import { decoderFor } from './scan';
import type { LogRecord } from './types';

const NEWLINE = 0x0a;

export type SegmentItem =
  | { kind: 'record'; record: LogRecord; offset: number; bytes: Buffer }
  | { kind: 'damaged'; offset: number; bytes: Buffer; reason: string };

export function scanLeniently(buf: Buffer, legacy: boolean): SegmentItem[] {
  const decode = decoderFor(legacy);
  const items: SegmentItem[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(NEWLINE, pos);
    const lineEnd = nl === -1 ? buf.length : nl;
    const check = nl === -1 ? { problem: 'the last line has no newline' } : decode(buf, pos, lineEnd);
    if ('record' in check) {
      items.push({ kind: 'record', record: check.record, offset: pos, bytes: buf.subarray(pos, nl + 1) });
      pos = nl + 1;
      continue;
    }
    const within = legacy || nl === -1 ? undefined : recordStartWithin(buf, pos, lineEnd);
    const resume = within ?? (nl === -1 ? undefined : nextRecordOffset(buf, nl + 1, decode)) ?? buf.length;
    items.push({ kind: 'damaged', offset: pos, bytes: buf.subarray(pos, resume), reason: check.problem });
    pos = resume;
  }
  return items;
}
