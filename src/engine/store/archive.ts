/**
 * Archive files: history moved out of memory and out of the snapshot (a session's older messages and
 * workflows). Each compaction writes at most one new file, `archive-<id>.dat`, and never changes it:
 *
 *   file  = "BILTAR01" run*
 *   run   = u32 magic "BAR1" | u32 count | u32 dataBytes | count × (u32 start, u32 crc32) | data
 *   data  = each record as JSON + "\n"; record k is data[start(k), start(k+1)) (the last ends at dataBytes)
 *
 * (all integers little-endian). A run is addressed by an ArchiveRun {file, at, count, bytes} that the
 * caller keeps (in the snapshot); reading records [i, j) of a run takes two positioned reads
 * (archiveReader.ts). A run is position-independent, so a compaction can copy a live run into its new
 * file byte for byte (to drop a file that also holds runs of deleted sessions) and return its new address.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from './crc32';
import { syncDir, writeAll } from './files';
import { archiveFileName, FILE_MODE } from './format';
import type { ArchiveRun } from './types';

export const ARCHIVE_FILE_MAGIC = Buffer.from('BILTAR01');
/** Bytes of an archive file before its first run. */
export const ARCHIVE_FILE_HEADER_BYTES = ARCHIVE_FILE_MAGIC.length;
export const RUN_MAGIC = 0x31524142; // "BAR1"
export const RUN_HEADER_BYTES = 12;
export const ENTRY_BYTES = 8;
const MAX_U32 = 0xffffffff;
const COPY_CHUNK = 1 << 20;

type Part = Buffer | { copyOf: ArchiveRun };

/** Lays out one new archive file synchronously (so the caller knows every run's address at once). */
export class ArchiveBuilder {
  private readonly parts: Part[] = [];
  private size = ARCHIVE_FILE_MAGIC.length;

  constructor(readonly id: number) {}

  get bytes(): number {
    return this.size;
  }
  get empty(): boolean {
    return this.parts.length === 0;
  }

  /** Encodes `records` as one run now and returns where it will be. */
  add(records: readonly unknown[]): ArchiveRun {
    const lines = records.map((r) => Buffer.from(`${JSON.stringify(r)}\n`, 'utf8'));
    const dataBytes = lines.reduce((sum, l) => sum + l.length, 0);
    if (dataBytes > MAX_U32) {
      throw new RangeError(`an archive run holds at most 4 GiB (got ${dataBytes} bytes)`);
    }
    const head = Buffer.alloc(RUN_HEADER_BYTES + ENTRY_BYTES * lines.length);
    head.writeUInt32LE(RUN_MAGIC, 0);
    head.writeUInt32LE(lines.length, 4);
    head.writeUInt32LE(dataBytes, 8);
    let start = 0;
    lines.forEach((line, k) => {
      head.writeUInt32LE(start, RUN_HEADER_BYTES + ENTRY_BYTES * k);
      head.writeUInt32LE(crc32(line), RUN_HEADER_BYTES + ENTRY_BYTES * k + 4);
      start += line.length;
    });
    const run = Buffer.concat([head, ...lines]);
    this.parts.push(run);
    return this.place(records.length, run.length);
  }

  /** Reserves room for a byte-for-byte copy of `run` (copied when the file is written). */
  copy(run: ArchiveRun): ArchiveRun {
    this.parts.push({ copyOf: run });
    return this.place(run.count, run.bytes);
  }

  /** Writes the file (created anew, 0600), fdatasyncs it and makes its name durable. */
  async write(dir: string, fsync: boolean): Promise<void> {
    const file = path.join(dir, archiveFileName(this.id));
    const fh = await open(file, 'wx', FILE_MODE);
    try {
      await writeAll(fh, ARCHIVE_FILE_MAGIC, file);
      for (const part of this.parts) {
        if (Buffer.isBuffer(part)) {
          await writeAll(fh, part, file);
        } else {
          await copyRun(dir, part.copyOf, (chunk) => writeAll(fh, chunk, file));
        }
      }
      if (fsync) {
        await fh.datasync();
      }
    } finally {
      await fh.close();
    }
    if (fsync) {
      await syncDir(dir);
    }
  }

  private place(count: number, bytes: number): ArchiveRun {
    const at = this.size;
    this.size += bytes;
    return { file: this.id, at, count, bytes };
  }
}

async function copyRun(dir: string, run: ArchiveRun, write: (chunk: Buffer) => Promise<void>): Promise<void> {
  const source = await open(path.join(dir, archiveFileName(run.file)), 'r');
  try {
    for (let done = 0; done < run.bytes;) {
      const chunk = Buffer.alloc(Math.min(COPY_CHUNK, run.bytes - done));
      const { bytesRead } = await source.read(chunk, 0, chunk.length, run.at + done);
      if (bytesRead !== chunk.length) {
        throw new Error(`${archiveFileName(run.file)} ends before the run at ${run.at} does`);
      }
      await write(chunk);
      done += bytesRead;
    }
  } finally {
    await source.close();
  }
}
