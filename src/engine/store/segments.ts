/**
 * The live segment files: the closed ones (kept until a snapshot covers them) and the last one, which
 * takes the writes. Only the flush loop (writer.ts) writes and rotates; compaction removes covered ones.
 */
import path from 'node:path';
import { segmentFileName } from './format';
import { syncDir, type OpenSegmentFile, type SegmentFile } from './files';
import type { SegmentMeta } from './recovery';

/** Lines are joined into writes of about this many characters, so one huge batch is not one huge buffer. */
const CHUNK_CHARS = 1 << 20;

export interface SegmentStats {
  /** fdatasync calls on segment files. */
  syncs: number;
  /** New segment files started. */
  rotations: number;
  bytesWritten: number;
}

export class SegmentSet {
  readonly stats: SegmentStats = { syncs: 0, rotations: 0, bytesWritten: 0 };

  constructor(
    private readonly dir: string,
    private readonly fsync: boolean,
    private readonly openFile: OpenSegmentFile,
    /** In seq order; the last one is `file`'s. */
    readonly list: SegmentMeta[],
    private file: SegmentFile,
  ) {}

  get bytes(): number {
    return this.list.reduce((sum, s) => sum + s.bytes, 0);
  }

  /** Appends lines[from, to) to the current segment and fdatasyncs it once. */
  async write(lines: readonly string[], from: number, to: number): Promise<void> {
    if (from >= to) {
      return;
    }
    const segment = this.list.at(-1)!;
    for (let i = from; i < to;) {
      let chunk = '';
      while (i < to && (chunk.length === 0 || chunk.length + lines[i]!.length <= CHUNK_CHARS)) {
        chunk += lines[i++];
      }
      const data = Buffer.from(chunk, 'utf8');
      await this.file.write(data);
      segment.bytes += data.length;
      this.stats.bytesWritten += data.length;
    }
    segment.count += to - from;
    if (this.fsync) {
      await this.file.sync();
      this.stats.syncs++;
    }
  }

  /** Makes `log-<firstSeq>` the current segment. The current one must hold exactly the seqs before it. */
  async startAt(firstSeq: number): Promise<void> {
    const current = this.list.at(-1)!;
    if (current.count === 0 && current.firstSeq === firstSeq) {
      return;
    } // already a fresh segment there
    const meta: SegmentMeta = {
      firstSeq,
      path: path.join(this.dir, segmentFileName(firstSeq)),
      bytes: 0,
      count: 0,
      legacy: false,
    };
    const file = await this.openFile(meta.path);
    const old = this.file;
    this.file = file;
    this.list.push(meta);
    this.stats.rotations++;
    await old.close(); // its records were synced by the write before the cut
    if (this.fsync) {
      await syncDir(this.dir);
    }
  }

  /** Removes from the list and returns the closed segments whose records all have seq <= upToSeq. */
  takeCovered(upToSeq: number): SegmentMeta[] {
    let n = 0;
    while (n < this.list.length - 1 && this.list[n + 1]!.firstSeq - 1 <= upToSeq) {
      n++;
    }
    return this.list.splice(0, n);
  }

  close(): Promise<void> {
    return this.file.close();
  }
}
