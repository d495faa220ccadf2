/**
 * The engine's durable, append-only log: a snapshot plus JSON-lines segments in the data dir.
 *
 * On-disk layout (nothing else in the dir is touched; the engine's lock file may live there too):
 *   snapshot.json              {"format":1,"seq":S,"snapshot":<engine state>}  covers seqs 1..S;
 *                              absent before the first compaction (S = 0)
 *   snapshot.json.tmp          exists only while a compaction writes it (or after a crash then)
 *   log-<firstSeq, 16 digits>.jsonl
 *                              segments, one record per line: {"seq":N,"type":"…",…}\n. Each segment's
 *                              records start at its name's seq and continue the previous segment's;
 *                              the last segment takes the appends. `cat log-* | jq` reads the whole log.
 * Files are 0600, a dir the store creates is 0700.
 *
 * No checksum per line. A record counts only if its line ends in "\n", parses as a JSON object with a
 * string type, and has exactly the next seq. JSON.stringify never emits a raw newline or NUL, and no
 * proper prefix of a JSON object is a JSON object, so a write torn at any byte, or zero-filled blocks,
 * always fail these checks. A checksum would add only detection of bit rot inside a well-formed line;
 * for a local state dir that is not worth giving up plain JSON lines: jq/grep work on the files, and
 * an operator can repair one by hand after a LogCorruptError. (zlib.crc32 also needs Node >= 20.15.)
 * Caveat: a crash leaving a zero-filled hole inside the unsynced last batch, followed by later lines
 * of that batch, is reported as corruption instead of being dropped (safe, but needs an operator).
 *
 * Recovery (recovery.ts): removes snapshot.json.tmp and segments the snapshot covers; drops a torn tail
 * of the last segment (bad bytes to the end of the file) by truncating it, reported as droppedTailBytes;
 * throws LogCorruptError (file + byte offset) for a bad line followed by a good record, a torn tail in a
 * segment that is not the last, or a gap in the seqs, because those lose acknowledged data.
 *
 * Compaction, and what a crash at each point leaves:
 *  1. Rotate: the flush loop writes and fdatasyncs every record <= upToSeq into the current segment,
 *     creates log-<upToSeq+1> and fsyncs the dir; later records go there. Crash: the old snapshot and
 *     all records are on disk; at worst an empty new segment, which recovery reuses or removes.
 *  2. Write snapshot.json.tmp, fsync it, rename it over snapshot.json, fsync the dir. Crash before the
 *     rename: the tmp file is removed, the old snapshot and all segments are intact. After it: the new
 *     snapshot (or, if the dir entry was not yet durable, the old one) with all segments intact.
 *  3. Remove the segments holding only seqs <= upToSeq. Crash: recovery removes the rest of them.
 * So a segment is removed only after a durable snapshot covers it, and a snapshot is written only after
 * the records it covers are durable in the log.
 *
 * Durability: a batch is written with one write per MiB and one fdatasync; `durable` resolves after
 * that. A failed write or sync fails the store for good (see writer.ts); compact() failing to write the
 * snapshot only rejects that compaction, since the log is still complete.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { encodeBody, encodeSnapshot } from './format';
import { openSegmentFile, writeSnapshotFile, type OpenSegmentFile } from './files';
import { recoverLog } from './recovery';
import { SegmentSet } from './segments';
import { SegmentWriter, type OnDurable } from './writer';
import type { NewRecord, OpenedLog } from './types';

export { LogCorruptError, LogStoreFailedError } from './format';
export type { SegmentFile, OpenSegmentFile } from './files';

export interface LogStoreOptions {
  /** Data dir (exists or is created, mode 0700). */
  dir: string;
  /** Default true; false only for benchmarks/tests that don't care about durability. */
  fsync?: boolean;
  /** Test hook: called with each batch after it is durable. */
  onDurable?: OnDurable;
  /** Test seam: opens segment files (e.g. to inject write failures). */
  openSegmentFile?: OpenSegmentFile;
}

export interface LogStoreStats {
  /** append() calls. */
  appends: number;
  /** Batches written; each is one write per MiB and one fdatasync. */
  flushes: number;
  /** fdatasync calls on segment files (0 with fsync off). */
  syncs: number;
  rotations: number;
  bytesWritten: number;
}

export class LogStore {
  private appends = 0;
  private snapshotSeqValue: number;
  /** The highest upToSeq compact() accepted; a later compaction may not go back before it. */
  private requestedSnapshotSeq: number;
  private compactions: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly fsync: boolean,
    private readonly writer: SegmentWriter,
    snapshotSeq: number,
  ) {
    this.snapshotSeqValue = snapshotSeq;
    this.requestedSnapshotSeq = snapshotSeq;
  }

  /** Opens (creating if needed) the log in dir, recovering from any crash. */
  static async open(options: LogStoreOptions): Promise<{ store: LogStore; opened: OpenedLog }> {
    const dir = path.resolve(options.dir);
    const fsync = options.fsync ?? true;
    const recovered = await recoverLog(dir, fsync);
    const openFile = options.openSegmentFile ?? openSegmentFile;
    const file = await openFile(recovered.segments.at(-1)!.path);
    const segments = new SegmentSet(dir, fsync, openFile, recovered.segments, file);
    const writer = new SegmentWriter(segments, recovered.nextSeq, options.onDurable);
    return { store: new LogStore(dir, fsync, writer, recovered.opened.snapshotSeq), opened: recovered.opened };
  }

  /**
   * Assigns seqs synchronously (lastSeq+1, … without gaps) and queues the records. `durable` resolves
   * when they and everything appended before are written and fdatasync'ed. On a failed or closed store
   * `durable` rejects at once. Throws (assigning nothing) for a record that cannot be logged.
   */
  append(records: readonly NewRecord[]): { seqs: number[]; durable: Promise<void> } {
    const bodies = records.map(encodeBody);
    this.appends++;
    const { firstSeq, durable } = this.writer.append(bodies);
    return { seqs: bodies.map((_, i) => firstSeq + i), durable };
  }

  /**
   * Makes `snapshot` the state covering seqs <= upToSeq and removes the log segments it covers (see the
   * protocol above). The snapshot is serialized before this returns, so the caller may go on mutating
   * it. Records after upToSeq, queued or appended meanwhile, stay in the log. Compactions run in order.
   */
  compact(snapshot: unknown, upToSeq: number): Promise<void> {
    let text: string;
    try {
      if (this.closed) {
        throw new Error('the log store is closed');
      }
      if (this.writer.failure) {
        throw this.writer.failure;
      }
      if (!Number.isSafeInteger(upToSeq) || upToSeq < this.requestedSnapshotSeq || upToSeq > this.lastSeq) {
        throw new RangeError(
          `upToSeq must be a whole number from ${this.requestedSnapshotSeq} to ${this.lastSeq} (got ${upToSeq})`,
        );
      }
      text = encodeSnapshot(upToSeq, snapshot);
    } catch (e) {
      return Promise.reject(e as Error);
    }
    this.requestedSnapshotSeq = upToSeq;
    const rotated = this.writer.rotate(upToSeq); // requested now, so the cut is at upToSeq+1
    const run = this.compactions.then(async () => {
      await rotated;
      await writeSnapshotFile(this.dir, text, this.fsync);
      this.snapshotSeqValue = upToSeq;
      for (const segment of this.writer.segments.takeCovered(upToSeq)) {
        await rm(segment.path, { force: true });
      }
    });
    this.compactions = run.catch(() => {});
    return run;
  }

  /** Highest assigned seq. */
  get lastSeq(): number {
    return this.writer.lastSeq;
  }

  /** The seq the newest durable snapshot covers. */
  get snapshotSeq(): number {
    return this.snapshotSeqValue;
  }

  /** Bytes in the live segments: log written after the snapshot (plus, rarely, a partly covered segment). */
  get bytesSinceSnapshot(): number {
    return this.writer.segments.bytes;
  }

  /** Set once a write or sync failed; the engine must stop. */
  get failure(): Error | undefined {
    return this.writer.failure;
  }

  get stats(): LogStoreStats {
    const { syncs, rotations, bytesWritten } = this.writer.segments.stats;
    return { appends: this.appends, flushes: this.writer.flushes, syncs, rotations, bytesWritten };
  }

  /** Flushes what is queued (and finishes running compactions), then closes files. */
  async close(): Promise<void> {
    this.closed = true;
    const closing = this.writer.close(); // refuses new appends now, drains the queue
    closing.catch(() => {}); // awaited below, after running compactions finish
    await this.compactions;
    await closing;
  }
}
