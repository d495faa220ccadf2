/**
 * Opening a data dir after a clean shutdown or a crash at any point (see logStore.ts for the layout
 * and the crash windows). Everything is read and checked first; only then does recovery change files,
 * and each change (truncate a torn tail, remove tmp/covered/empty files, create the next segment) is
 * one a repeated recovery would make again, so a crash during recovery is itself recoverable.
 */
import { mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { scanSegment } from './scan';
import { syncDir, truncateFile } from './files';
import {
  DIR_MODE,
  FILE_MODE,
  LogCorruptError,
  SNAPSHOT_FILE,
  SNAPSHOT_TMP_FILE,
  decodeSnapshot,
  parseSegmentFileName,
  segmentFileName,
} from './format';
import type { LogRecord, OpenedLog } from './types';

/** A live segment. `count` records, seqs firstSeq … firstSeq+count-1, in `bytes` bytes. */
export interface SegmentMeta {
  firstSeq: number;
  path: string;
  bytes: number;
  count: number;
}

export interface RecoveredLog {
  opened: OpenedLog;
  /** The seq the next appended record gets. */
  nextSeq: number;
  /** Live segments in order; the last one exists on disk, ends at nextSeq-1 and takes the appends. */
  segments: SegmentMeta[];
}

interface Found {
  firstSeq: number;
  path: string;
  buf: Buffer;
}

export async function recoverLog(dir: string, fsync: boolean): Promise<RecoveredLog> {
  const created = await mkdir(dir, { recursive: true, mode: DIR_MODE });
  // A new data dir's own name must be durable too, or a power loss could take the whole log with it.
  for (let d = dir; created !== undefined && fsync; d = path.dirname(d)) {
    await syncDir(path.dirname(d));
    if (d === created || path.dirname(d) === d) {
      break;
    }
  }
  const names = await readdir(dir);
  const snapshotPath = path.join(dir, SNAPSHOT_FILE);
  const snap = names.includes(SNAPSHOT_FILE)
    ? decodeSnapshot(snapshotPath, await readFile(snapshotPath, 'utf8'))
    : undefined;
  const snapshotSeq = snap?.seq ?? 0;

  const all = names
    .map((name) => ({ name, firstSeq: parseSegmentFileName(name) }))
    .filter((s): s is { name: string; firstSeq: number } => s.firstSeq !== undefined)
    .sort((a, b) => a.firstSeq - b.firstSeq);
  // A segment is covered when the next one starts at or before snapshotSeq+1: all its seqs are in the
  // snapshot. Such segments are removed unread (covered ones form a prefix of the sorted list).
  let coveredCount = 0;
  while (coveredCount < all.length - 1 && all[coveredCount + 1]!.firstSeq - 1 <= snapshotSeq) {
    coveredCount++;
  }
  const remove = all.slice(0, coveredCount).map((s) => path.join(dir, s.name));
  if (names.includes(SNAPSHOT_TMP_FILE)) {
    remove.push(path.join(dir, SNAPSHOT_TMP_FILE));
  }

  const found: Found[] = [];
  for (const s of all.slice(coveredCount)) {
    const file = path.join(dir, s.name);
    found.push({ firstSeq: s.firstSeq, path: file, buf: await readFile(file) });
  }
  const first = found[0];
  if (first && first.firstSeq > snapshotSeq + 1) {
    const missing = `${snapshotSeq + 1}..${first.firstSeq - 1}`;
    throw new LogCorruptError(
      first.path,
      0,
      `the log starts at seq ${first.firstSeq} but the snapshot ends at seq ${snapshotSeq}: records ${missing} are missing`,
    );
  }

  // Only the last non-empty segment may end in a torn tail: appends go to one segment at a time, and a
  // segment is fdatasync'ed before the next one is created. Empty segments after it are leftovers.
  const lastWithData = found.findLastIndex((f) => f.buf.length > 0);
  const segments: SegmentMeta[] = [];
  const records: LogRecord[] = [];
  let expected = first?.firstSeq ?? snapshotSeq + 1;
  let truncate: { path: string; length: number } | undefined;
  let droppedTailBytes = 0;
  for (const [i, f] of found.entries()) {
    if (i > lastWithData) {
      // Keep the final empty segment if it is exactly where appends continue (a compaction just made it).
      if (i === found.length - 1 && f.firstSeq === expected) {
        segments.push({ firstSeq: f.firstSeq, path: f.path, bytes: 0, count: 0 });
      } else {
        remove.push(f.path);
      }
      continue;
    }
    if (f.firstSeq !== expected) {
      throw new LogCorruptError(
        f.path,
        0,
        `the file starts at seq ${f.firstSeq} but seq ${expected} was expected: records are missing or doubled`,
      );
    }
    const scan = scanSegment(f.path, f.buf, f.firstSeq);
    if (scan.tailReason !== undefined) {
      if (i < lastWithData) {
        throw new LogCorruptError(f.path, scan.goodBytes, `${scan.tailReason}, and later log files follow`);
      }
      truncate = { path: f.path, length: scan.goodBytes };
      droppedTailBytes = f.buf.length - scan.goodBytes;
    }
    for (const r of scan.records) {
      if (r.seq > snapshotSeq) {
        records.push(r);
      }
    }
    expected = f.firstSeq + scan.records.length;
    if (scan.records.length === 0 && i < lastWithData) {
      remove.push(f.path);
    } // an empty file in the middle is useless
    else {
      segments.push({ firstSeq: f.firstSeq, path: f.path, bytes: scan.goodBytes, count: scan.records.length });
    }
  }

  const nextSeq = Math.max(snapshotSeq, expected - 1) + 1;
  // If the log ends before the snapshot (every remaining record is covered), appends need a fresh segment.
  const tail = segments.at(-1);
  if (tail && tail.firstSeq + tail.count !== nextSeq) {
    remove.push(...segments.splice(0).map((s) => s.path));
  }
  let create: string | undefined;
  if (segments.length === 0) {
    create = path.join(dir, segmentFileName(nextSeq));
    segments.push({ firstSeq: nextSeq, path: create, bytes: 0, count: 0 });
  }

  if (truncate) {
    await truncateFile(truncate.path, truncate.length, fsync);
  }
  for (const file of remove) {
    await rm(file, { force: true });
  }
  if (create) {
    await (await open(create, 'a', FILE_MODE)).close();
  }
  if (fsync && (remove.length > 0 || create)) {
    await syncDir(dir);
  }

  return {
    opened: { snapshot: snap?.snapshot, snapshotSeq, records, droppedTailBytes },
    nextSeq,
    segments,
  };
}
