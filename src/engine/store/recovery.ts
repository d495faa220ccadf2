/**
 * Opening a data dir after a clean shutdown or a crash at any point (see logStore.ts for the layout
 * and the crash windows). Everything is read and checked first; only then does recovery change files,
 * and each change (truncate a torn tail, remove tmp/covered/empty/unreferenced files, create the next
 * segment) is one a repeated recovery would make again, so a crash during recovery is itself recoverable.
 */
import { open, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { readCheckpoint } from './checkpoint';
import { ensureDir, syncDir, truncateFile } from './files';
import { FILE_MODE, LogCorruptError, SNAPSHOT_FILE, SNAPSHOT_TMP_FILE, segmentFileName } from './format';
import { checkArchives, listSegments } from './recoveryFiles';
import { scanSegment } from './scan';
import { decodeSnapshot } from './snapshotFile';
import { LogTail } from './logTail';
import type { DroppedTail, OpenedLog } from './types';

/** A live segment: seqs firstSeq … firstSeq+count-1 (records and gap markers) in `bytes` bytes. */
export interface SegmentMeta {
  firstSeq: number;
  path: string;
  bytes: number;
  count: number;
  /** Written before format 2 (no framing); never appended to. */
  legacy: boolean;
}

export interface RecoveredLog {
  opened: OpenedLog;
  /** The seq the next appended record gets. */
  nextSeq: number;
  /** Live segments in order; the last one is framed, exists on disk, ends at nextSeq-1 and takes the appends. */
  segments: SegmentMeta[];
  /** Archive files the snapshot refers to: id → bytes. */
  archives: Map<number, number>;
  /** Higher than every archive id on disk. */
  nextArchiveId: number;
}

export async function recoverLog(dir: string, fsync: boolean): Promise<RecoveredLog> {
  await ensureDir(dir, fsync);
  const names = await readdir(dir);
  const snapshotPath = path.join(dir, SNAPSHOT_FILE);
  const snap = names.includes(SNAPSHOT_FILE) ? decodeSnapshot(snapshotPath, await readFile(snapshotPath)) : undefined;
  const snapshotSeq = snap?.seq ?? 0;
  const archives = await checkArchives(dir, names, snap?.archives ?? new Map());
  const { live, remove } = listSegments(dir, names, snapshotSeq);
  remove.push(...archives.remove);
  if (names.includes(SNAPSHOT_TMP_FILE)) {
    remove.push(path.join(dir, SNAPSHOT_TMP_FILE));
  }
  const found = await Promise.all(live.map(async (s) => ({ ...s, buf: await readFile(s.path) })));
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
  const records = new LogTail();
  let expected = first?.firstSeq ?? snapshotSeq + 1;
  let tail: Omit<DroppedTail, 'acknowledgedSeq'> | undefined;
  for (const [i, f] of found.entries()) {
    if (i > lastWithData) {
      // Keep the final empty segment if it is exactly where appends continue (a compaction just made it).
      if (i === found.length - 1 && f.firstSeq === expected && !f.legacy) {
        segments.push({ firstSeq: f.firstSeq, path: f.path, bytes: 0, count: 0, legacy: false });
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
    const scan = scanSegment(f.path, f.buf, f.firstSeq, f.legacy);
    if (scan.tailReason !== undefined) {
      if (i < lastWithData) {
        throw new LogCorruptError(f.path, scan.goodBytes, `${scan.tailReason}, and later log files follow`);
      }
      const bytes = f.buf.length - scan.goodBytes;
      tail = {
        file: f.path,
        offset: scan.goodBytes,
        bytes,
        afterSeq: f.firstSeq + scan.seqCount - 1,
        reason: scan.tailReason,
      };
    }
    const spans: number[] = [];
    for (let k = 0; k < scan.records.length; k += 3) {
      if (scan.records[k]! > snapshotSeq) {
        spans.push(scan.records[k + 1]!, scan.records[k + 2]!);
      }
    }
    records.add(f.buf, f.legacy, spans);
    expected = f.firstSeq + scan.seqCount;
    if (scan.seqCount === 0 && i < lastWithData) {
      remove.push(f.path); // an empty file in the middle is useless
    } else {
      segments.push({
        firstSeq: f.firstSeq,
        path: f.path,
        bytes: scan.goodBytes,
        count: scan.seqCount,
        legacy: f.legacy,
      });
    }
  }

  const nextSeq = Math.max(snapshotSeq, expected - 1) + 1;
  const checkpoint = await readCheckpoint(dir);
  const acknowledgedSeq = checkpoint && 'seq' in checkpoint ? checkpoint.seq : undefined;
  if (acknowledgedSeq !== undefined && acknowledgedSeq >= nextSeq) {
    const last = segments.at(-1);
    throw new LogCorruptError(
      tail?.file ?? last?.path ?? snapshotPath,
      tail?.offset ?? last?.bytes ?? 0,
      `acknowledged records are missing: the checkpoint says seq ${acknowledgedSeq} was acknowledged, but the log ends at seq ${nextSeq - 1}` +
        (tail ? ` (followed by ${tail.bytes} bytes that are not a record: ${tail.reason})` : ''),
    );
  }
  // If the log ends before the snapshot (every remaining record is covered), or in a segment written
  // before format 2, appends need a fresh framed segment.
  const last = segments.at(-1);
  if (last && last.firstSeq + last.count !== nextSeq) {
    remove.push(...segments.splice(0).map((s) => s.path));
  } else if (last?.legacy && last.count === 0) {
    remove.push(segments.pop()!.path);
  }
  let create: string | undefined;
  if (segments.length === 0 || segments.at(-1)!.legacy) {
    create = path.join(dir, segmentFileName(nextSeq));
    segments.push({ firstSeq: nextSeq, path: create, bytes: 0, count: 0, legacy: false });
  }

  if (tail) {
    await truncateFile(tail.file, tail.offset, fsync);
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

  const legacy = (snap?.legacy ?? false) || segments.some((s) => s.legacy);
  return {
    opened: {
      snapshot: snap?.snapshot,
      snapshotSeq,
      get records() {
        return [...records];
      },
      recordCount: records.count,
      readRecords: () => records[Symbol.iterator](),
      droppedTailBytes: tail?.bytes ?? 0,
      droppedTail: tail && { ...tail, acknowledgedSeq },
      legacy,
      checkpointProblem:
        checkpoint === undefined
          ? 'there is no checkpoint'
          : 'unreadable' in checkpoint
            ? `the checkpoint is unreadable (${checkpoint.unreadable})`
            : undefined,
    },
    nextSeq,
    segments,
    archives: archives.inUse,
    nextArchiveId: archives.nextId,
  };
}
