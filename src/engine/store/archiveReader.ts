/**
 * Reading records back from archive runs (layout in archive.ts) with synchronous positioned reads: a
 * page of records is two reads (its index entries, then its bytes), each checked against its CRC-32.
 * Synchronous on purpose: a read takes microseconds from the page cache, and doing it in one go means
 * no compaction can replace or remove the file between finding a run and reading it. Files are kept
 * open, at most MAX_OPEN at a time.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { ENTRY_BYTES, RUN_HEADER_BYTES, RUN_MAGIC } from './archive';
import { crc32 } from './crc32';
import { archiveFileName, LogCorruptError } from './format';
import type { ArchiveRun } from './types';

const MAX_OPEN = 32;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export class ArchiveReader {
  /** Open files by id, least recently used first. */
  private readonly fds = new Map<number, number>();

  constructor(private readonly dir: string) {}

  /** Records [from, to) of `run`, parsed (not validated: the caller checks them against its schema). */
  read(run: ArchiveRun, from: number, to: number): unknown[] {
    if (from < 0 || to > run.count || from >= to) {
      return [];
    }
    const file = path.join(this.dir, archiveFileName(run.file));
    const fd = this.fd(run.file);
    const fail = (offset: number, reason: string) => new LogCorruptError(file, offset, reason);
    const header = this.readAt(fd, file, run.at, RUN_HEADER_BYTES);
    const dataBytes = run.bytes - RUN_HEADER_BYTES - ENTRY_BYTES * run.count;
    if (
      header.readUInt32LE(0) !== RUN_MAGIC ||
      header.readUInt32LE(4) !== run.count ||
      header.readUInt32LE(8) !== dataBytes
    ) {
      throw fail(run.at, 'the archive run header does not match its address');
    }
    const withEnd = to < run.count ? 1 : 0;
    const entriesAt = run.at + RUN_HEADER_BYTES + ENTRY_BYTES * from;
    const entries = this.readAt(fd, file, entriesAt, ENTRY_BYTES * (to - from + withEnd));
    const startOf = (k: number) => entries.readUInt32LE(ENTRY_BYTES * k);
    const end = withEnd ? startOf(to - from) : dataBytes;
    for (let k = 0; k < to - from; k++) {
      const next = k + 1 < to - from ? startOf(k + 1) : end;
      if (startOf(k) >= next || next > dataBytes) {
        throw fail(entriesAt + ENTRY_BYTES * k, 'the archive index is damaged (offsets out of order)');
      }
    }
    const dataAt = run.at + RUN_HEADER_BYTES + ENTRY_BYTES * run.count;
    const first = startOf(0);
    const data = this.readAt(fd, file, dataAt + first, end - first);
    const records: unknown[] = [];
    for (let k = 0; k < to - from; k++) {
      const start = startOf(k) - first;
      const stop = (k + 1 < to - from ? startOf(k + 1) : end) - first;
      const bytes = data.subarray(start, stop);
      if (crc32(bytes) !== entries.readUInt32LE(ENTRY_BYTES * k + 4)) {
        throw fail(dataAt + first + start, `archived record ${from + k + 1} of this run fails its checksum`);
      }
      try {
        records.push(JSON.parse(utf8.decode(bytes)));
      } catch {
        throw fail(dataAt + first + start, `archived record ${from + k + 1} of this run is not JSON`);
      }
    }
    return records;
  }

  /** Closes the file of archive `id` if it is open (before it is removed). */
  forget(id: number): void {
    const fd = this.fds.get(id);
    if (fd !== undefined) {
      this.fds.delete(id);
      closeSync(fd);
    }
  }

  close(): void {
    for (const id of [...this.fds.keys()]) {
      this.forget(id);
    }
  }

  private fd(id: number): number {
    let fd = this.fds.get(id);
    if (fd === undefined) {
      fd = openSync(path.join(this.dir, archiveFileName(id)), 'r');
      if (this.fds.size >= MAX_OPEN) {
        this.forget(this.fds.keys().next().value!);
      }
    } else {
      this.fds.delete(id); // re-inserted below as the most recently used
    }
    this.fds.set(id, fd);
    return fd;
  }

  private readAt(fd: number, file: string, position: number, length: number): Buffer {
    const buf = Buffer.allocUnsafe(length);
    for (let done = 0; done < length;) {
      const n = readSync(fd, buf, done, length - done, position + done);
      if (n === 0) {
        throw new LogCorruptError(file, position + done, 'the archive file ends before the run does');
      }
      done += n;
    }
    return buf;
  }
}
