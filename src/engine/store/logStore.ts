/**
 * The engine's durable state in one directory (<data-dir>/state): an append-only log of records, a
 * snapshot of the live state, and archive files for history the snapshot refers to.
 *
 * On-disk layout (nothing else in the dir is touched; the engine's lock file may live there too):
 *   log-<firstSeq, 16 digits>.v2.jsonl
 *                      segments, one framed record per line: {"seq":N,"crc":"hhhhhhhh","type":"…",…}\n
 *                      (framing.ts). Each segment's records start at its name's seq and continue the
 *                      previous segment's; the last segment takes the appends. `cat log-* | jq` reads them.
 *   checkpoint.json    the last acknowledged seq (checkpoint.ts)
 *   snapshot.json      a header line (seq S, the archive files it refers to, length, CRC-32) and the
 *                      live state as one JSON line, covering seqs 1..S (snapshotFile.ts); absent before
 *                      the first compaction (S = 0)
 *   snapshot.json.tmp  exists only while a compaction writes it (or after a crash then)
 *   archive-<id, 16 digits>.dat
 *                      history moved out of the snapshot (archive.ts), in runs the snapshot addresses;
 *                      written once by a compaction, removed by a later one that no longer refers to it
 *   damaged/           what `repair` moved aside (repair.ts)
 * Files are 0600, a dir the store creates is 0700. A data dir of an engine before format 2 (plain
 * log-*.jsonl segments without CRC, a one-line format-1 snapshot) opens too: it is read, appends go to a
 * new framed segment, `opened.legacy` says so, and the first compaction covers and removes the old files.
 *
 * A record counts only if its line ends in "\n", its frame and CRC-32 match, it parses as a JSON object
 * with a string type, and it has exactly the next seq. A write torn at any byte, zero-filled blocks and a
 * changed byte inside a well-formed line all fail these checks.
 *
 * Recovery (recovery.ts): removes snapshot.json.tmp, segments the snapshot covers and archive files it
 * does not list. A bad stretch running to the end of the last segment is a torn tail: it is truncated and
 * reported (droppedTail) with the checkpoint's last acknowledged seq; the records before it reach that seq,
 * or recovery refuses, so what it drops was never acknowledged. LogCorruptError (file, byte offset, what
 * was found) for: acknowledged records missing (the log ends before the checkpoint's seq), a bad line
 * followed by a valid record, a torn tail in a segment that is not the last, a gap in the seqs, an
 * unreadable snapshot, a missing or resized archive file. Nothing is changed then and the engine does not
 * start; `repair` (repair.ts) keeps every valid record and moves the damaged bytes aside.
 * Caveat: a crash (power loss) leaving a zero-filled hole inside the unsynced last batch, followed by later
 * lines of that batch, is reported as damage instead of being dropped (safe, but needs `repair`).
 *
 * Compaction, and what a crash at each point leaves:
 *  1. Rotate: the flush loop writes and fdatasyncs every record <= upToSeq into the current segment,
 *     creates log-<upToSeq+1> and fsyncs the dir; later records go there. Crash: the old snapshot and
 *     all records are on disk; at worst an empty new segment, which recovery reuses or removes.
 *  2. Write the new archive file, if the caller archived anything, fdatasync it and fsync the dir. Crash:
 *     an archive file no snapshot lists, which recovery removes.
 *  3. Write snapshot.json.tmp, fsync it, rename it over snapshot.json, fsync the dir. Crash before the
 *     rename: the tmp file is removed, the old snapshot and all segments are intact. After it: the new
 *     snapshot (or, if the dir entry was not yet durable, the old one) with all segments intact.
 *  4. Tell the caller (its state now reads history from the new addresses), then remove the segments
 *     holding only seqs <= upToSeq and the archive files the new snapshot does not list. Crash: recovery
 *     removes the rest of them.
 * So a segment is removed only after a durable snapshot covers it, a snapshot is written only after the
 * records and archive files it covers are durable, and an archive file outlives every snapshot listing it.
 *
 * Durability: a batch is written with one write per MiB and one fdatasync; `durable` resolves after
 * that (and after the checkpoint records it). A failed write or sync fails the store for good (see
 * writer.ts); compact() failing to write the snapshot only rejects that compaction (the log is complete).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ArchiveBuilder } from './archive';
import { ArchiveReader } from './archiveReader';
import { Checkpoint } from './checkpoint';
import { archiveFileName, encodeBody } from './format';
import { openSegmentFile, writeSnapshotFile, type OpenSegmentFile } from './files';
import { recoverLog } from './recovery';
import { SegmentSet } from './segments';
import { serializeSnapshot, snapshotDocument } from './snapshotFile';
import { SegmentWriter, type OnDurable } from './writer';
import type { NewRecord, OpenedLog } from './types';

export { LogCorruptError, LogStoreFailedError } from './format';
export type { SegmentFile, OpenSegmentFile } from './files';
export type { ArchiveBuilder } from './archive';
export type { ArchiveReader } from './archiveReader';

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

/** What a compaction archives: the new file, the older files still referred to, and the caller's switch. */
export interface ArchivePlan {
  /** From newArchive(); nothing is written when it stays empty. */
  builder: ArchiveBuilder;
  /** Archive files the new snapshot still refers to; the others are removed once it is durable. */
  keep: readonly number[];
  /** Called once the snapshot is durable, before the files it no longer refers to are removed. */
  onDurable?: () => void;
}

export class LogStore {
  readonly archive: ArchiveReader;
  private appends = 0;
  private snapshotSeqValue: number;
  /** The highest upToSeq compact() accepted; a later compaction may not go back before it. */
  private requestedSnapshotSeq: number;
  private compactions: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    /** The state dir. */
    readonly dir: string,
    private readonly fsync: boolean,
    private readonly writer: SegmentWriter,
    snapshotSeq: number,
    /** Archive files the durable snapshot refers to: id → bytes. */
    private archives: Map<number, number>,
    private nextArchiveId: number,
  ) {
    this.snapshotSeqValue = snapshotSeq;
    this.requestedSnapshotSeq = snapshotSeq;
    this.archive = new ArchiveReader(dir);
  }

  /** Opens (creating if needed) the log in dir, recovering from any crash. */
  static async open(options: LogStoreOptions): Promise<{ store: LogStore; opened: OpenedLog }> {
    const dir = path.resolve(options.dir);
    const fsync = options.fsync ?? true;
    const recovered = await recoverLog(dir, fsync);
    const file = await (options.openSegmentFile ?? openSegmentFile)(recovered.segments.at(-1)!.path);
    let checkpoint: Checkpoint;
    try {
      if (fsync && recovered.segments.at(-1)!.bytes > 0) {
        await file.sync(); // what recovery read is acknowledged from now on: make it durable first
      }
      checkpoint = Checkpoint.open(dir, recovered.nextSeq - 1, fsync);
    } catch (e) {
      await file.close().catch(() => undefined);
      throw e;
    }
    const openFile = options.openSegmentFile ?? openSegmentFile;
    const segments = new SegmentSet(dir, fsync, openFile, recovered.segments, file);
    const writer = new SegmentWriter(segments, checkpoint, recovered.nextSeq, options.onDurable);
    const { snapshotSeq } = recovered.opened;
    const store = new LogStore(dir, fsync, writer, snapshotSeq, recovered.archives, recovered.nextArchiveId);
    return { store, opened: recovered.opened };
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

  /** A new archive file for the next compaction to write (see ArchivePlan). */
  newArchive(): ArchiveBuilder {
    return new ArchiveBuilder(this.nextArchiveId++);
  }

  /** Archive files the durable snapshot refers to, with their sizes. */
  get archiveFiles(): ReadonlyMap<number, number> {
    return this.archives;
  }

  /**
   * Makes `snapshot` the state covering seqs <= upToSeq and removes the log segments it covers (see the
   * protocol above); with a plan, also writes its archive file and drops the archive files it no longer
   * keeps. The snapshot is serialized before this returns, so the caller may go on mutating it. Records
   * after upToSeq, queued or appended meanwhile, stay in the log. Compactions run in order.
   */
  compact(snapshot: unknown, upToSeq: number, plan?: ArchivePlan): Promise<void> {
    let payload: Buffer;
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
      payload = serializeSnapshot(snapshot);
    } catch (e) {
      return Promise.reject(e as Error);
    }
    this.requestedSnapshotSeq = upToSeq;
    const rotated = this.writer.rotate(upToSeq); // requested now, so the cut is at upToSeq+1
    const run = this.compactions.then(async () => {
      await rotated;
      const archives = this.archivesAfter(plan);
      if (plan && !plan.builder.empty) {
        await plan.builder.write(this.dir, this.fsync);
      }
      await writeSnapshotFile(this.dir, snapshotDocument(upToSeq, payload, archives), this.fsync);
      const dropped = [...this.archives.keys()].filter((id) => !archives.has(id));
      this.snapshotSeqValue = upToSeq;
      this.archives = archives;
      plan?.onDurable?.();
      for (const segment of this.writer.segments.takeCovered(upToSeq)) {
        await rm(segment.path, { force: true });
      }
      for (const id of dropped) {
        this.archive.forget(id);
        await rm(path.join(this.dir, archiveFileName(id)), { force: true });
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
    this.archive.close();
    await closing;
  }

  /** The archive files a snapshot written with `plan` refers to. */
  private archivesAfter(plan: ArchivePlan | undefined): Map<number, number> {
    if (!plan) {
      return new Map(this.archives);
    }
    const archives = new Map<number, number>();
    for (const id of plan.keep) {
      const bytes = this.archives.get(id);
      if (bytes === undefined) {
        throw new Error(`archive ${id} is not one the snapshot refers to`);
      }
      archives.set(id, bytes);
    }
    if (!plan.builder.empty) {
      archives.set(plan.builder.id, plan.builder.bytes);
    }
    return archives;
  }
}
