/**
 * The records recovery found after the snapshot, kept as the bytes they were read from and decoded one
 * at a time when the engine replays them: a long log tail is then never held as objects all at once.
 */
import { decodeFramedRecord, decodeLegacyLine } from './framing';
import type { LogRecord } from './types';

interface Part {
  buf: Buffer;
  legacy: boolean;
  /** start, end (without the newline) of each record, flat. */
  spans: number[];
}

export class LogTail implements Iterable<LogRecord> {
  private readonly parts: Part[] = [];
  private counted = 0;

  /** Records of one segment's buffer, at `spans` (start, end pairs). */
  add(buf: Buffer, legacy: boolean, spans: number[]): void {
    if (spans.length > 0) {
      this.parts.push({ buf, legacy, spans });
      this.counted += spans.length / 2;
    }
  }

  get count(): number {
    return this.counted;
  }

  *[Symbol.iterator](): Iterator<LogRecord> {
    for (const { buf, legacy, spans } of this.parts) {
      for (let i = 0; i < spans.length; i += 2) {
        const [start, end] = [spans[i]!, spans[i + 1]!];
        if (!legacy) {
          yield decodeFramedRecord(buf, start, end);
          continue;
        }
        const line = decodeLegacyLine(buf, start, end);
        if ('record' in line) {
          yield line.record;
        }
      }
    }
  }
}
