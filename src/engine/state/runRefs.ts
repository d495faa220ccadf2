/** Archive run addresses as the snapshot keeps them: one string per list (see snapshots.ts RunList). */
import type { ArchiveRun } from '../store/types';

export function encodeRuns(runs: readonly ArchiveRun[]): string {
  return runs
    .map((r) => `${r.file.toString(36)}.${r.at.toString(36)}.${r.count.toString(36)}.${r.bytes.toString(36)}`)
    .join(',');
}

/** The runs of a string RunList has checked (digits and dots only). */
export function decodeRuns(text: string): ArchiveRun[] {
  if (text === '') {
    return [];
  }
  return text.split(',').map((part) => {
    const [file, at, count, bytes] = part.split('.').map((n) => parseInt(n, 36)) as [number, number, number, number];
    return { file, at, count, bytes };
  });
}
