/**
 * A session's history of one kind (its messages, its older workflows): the part a compaction archived,
 * read from disk on demand through its runs' addresses, and the part after the snapshot, in memory.
 * Memory and restart cost follow what is recent, not how long the history is.
 */
import type { ArchiveRun } from '../store/types';

/** Reads records [from, to) of an archive run (the store's ArchiveReader). */
export interface RecordArchive {
  read(run: ArchiveRun, from: number, to: number): unknown[];
}

/** Lays out a new archive file (the store's ArchiveBuilder). */
export interface ArchiveLayout {
  readonly id: number;
  add(records: readonly unknown[]): ArchiveRun;
  copy(run: ArchiveRun): ArchiveRun;
}

/** No archive: a state that has never been compacted (tests, a fresh engine) reads nothing from disk. */
export const NO_ARCHIVE: RecordArchive = {
  read: () => {
    throw new Error('no archive to read from');
  },
};

export interface History<T> {
  /** Archived records, oldest first: runs in order, `archived` records in all. */
  runs: ArchiveRun[];
  archived: number;
  /** Records after the archived ones, in memory, oldest first. */
  recent: T[];
}

export const emptyHistory = <T>(): History<T> => ({ runs: [], archived: 0, recent: [] });

export const historyLength = (h: History<unknown>): number => h.archived + h.recent.length;

/** Records at positions [start, end) (0 = oldest), archived ones parsed with `parse`. */
export function readRange<T>(
  h: History<T>,
  start: number,
  end: number,
  archive: RecordArchive,
  parse: (raw: unknown) => T,
): T[] {
  const out: T[] = [];
  let runStart = 0;
  for (const run of h.runs) {
    const runEnd = runStart + run.count;
    if (start < runEnd && end > runStart) {
      const from = Math.max(start, runStart) - runStart;
      const to = Math.min(end, runEnd) - runStart;
      for (const raw of archive.read(run, from, to)) {
        out.push(parse(raw));
      }
    }
    runStart = runEnd;
    if (runStart >= end) {
      return out;
    }
  }
  const from = Math.max(0, start - h.archived);
  const to = Math.max(0, end - h.archived);
  return from < to ? out.concat(h.recent.slice(from, to)) : out;
}

/** The archive files `runs` refer to, with the bytes of theirs in each. */
export function addLiveBytes(runs: readonly ArchiveRun[], live: Map<number, number>): void {
  for (const run of runs) {
    live.set(run.file, (live.get(run.file) ?? 0) + run.bytes);
  }
}
