/**
 * Which files of a data dir recovery reads, and which it removes: segments a snapshot covers, archive
 * files no snapshot refers to (a crashed compaction's), and the archive files a snapshot needs, checked.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { archiveFileName, LogCorruptError, parseArchiveFileName, parseSegmentFileName } from './format';

export interface FoundSegment {
  firstSeq: number;
  path: string;
  legacy: boolean;
}

/**
 * The segments to read, in seq order, and the covered ones to remove. A segment is covered when the
 * next one starts at or before snapshotSeq+1: all its seqs are in the snapshot (covered ones form a
 * prefix). When a framed and a plain segment start at the same seq (repair rewrote one and crashed
 * before removing the old), the framed one is complete and the plain one goes.
 */
export function listSegments(
  dir: string,
  names: string[],
  snapshotSeq: number,
): { live: FoundSegment[]; remove: string[] } {
  const remove: string[] = [];
  const bySeq = new Map<number, FoundSegment>();
  for (const name of names) {
    const parsed = parseSegmentFileName(name);
    if (!parsed) {
      continue;
    }
    const found = { ...parsed, path: path.join(dir, name) };
    const other = bySeq.get(parsed.firstSeq);
    if (other && !other.legacy) {
      remove.push(found.path);
      continue;
    }
    if (other) {
      remove.push(other.path);
    }
    bySeq.set(parsed.firstSeq, found);
  }
  const all = [...bySeq.values()].sort((a, b) => a.firstSeq - b.firstSeq);
  let covered = 0;
  while (covered < all.length - 1 && all[covered + 1]!.firstSeq - 1 <= snapshotSeq) {
    covered++;
  }
  remove.push(...all.slice(0, covered).map((s) => s.path));
  return { live: all.slice(covered), remove };
}

/**
 * The archive files the snapshot lists must be there with the sizes it lists; others are leftovers of
 * a compaction that did not finish (or a dropped file a crash left) and are removed.
 */
export async function checkArchives(
  dir: string,
  names: string[],
  listed: ReadonlyMap<number, number>,
): Promise<{ inUse: Map<number, number>; remove: string[]; nextId: number }> {
  const onDisk = names.map(parseArchiveFileName).filter((id): id is number => id !== undefined);
  for (const [id, bytes] of listed) {
    const file = path.join(dir, archiveFileName(id));
    const size = await stat(file).then(
      (s) => s.size,
      () => undefined,
    );
    if (size !== bytes) {
      throw new LogCorruptError(
        file,
        size ?? 0,
        size === undefined
          ? 'the snapshot refers to this archive file, which is missing'
          : `the snapshot says this archive file has ${bytes} bytes, but it has ${size}`,
      );
    }
  }
  return {
    inUse: new Map(listed),
    remove: onDisk.filter((id) => !listed.has(id)).map((id) => path.join(dir, archiveFileName(id))),
    nextId: Math.max(0, ...onDisk, ...listed.keys()) + 1,
  };
}
