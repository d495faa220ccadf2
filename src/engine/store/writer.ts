/**
 * Group commit. Appends go into the open batch; one flush loop takes the open batch, writes it (one
 * fdatasync per batch) and resolves its promise, while appends arriving meanwhile fill the next batch.
 * Segment rotations (for compaction) are requested at a seq and performed by the same loop between
 * records, so writes never race with a rotation. The first failed write or sync fails the writer for
 * good: after an fsync error the kernel may have dropped the dirty pages, so a retry could report data
 * durable that is not (fail-stop; the engine restarts and recovers from what is really on disk).
 * After each batch is durable, and before its promises resolve, the checkpoint records its last seq.
 */
import type { Checkpoint } from './checkpoint';
import { deferred, rejected, type Deferred } from './deferred';
import { LogStoreFailedError } from './format';
import { encodeLine } from './framing';
import type { SegmentSet } from './segments';

interface Batch {
  firstSeq: number;
  lines: string[];
  done: Deferred;
}

interface Rotation {
  atSeq: number;
  done: Deferred;
}

export type OnDurable = (batch: { firstSeq: number; lastSeq: number }) => void;

export class SegmentWriter {
  /** Batches written, each with one fdatasync (two when a rotation cuts through it). */
  flushes = 0;
  failure: Error | undefined;
  private open: Batch | undefined;
  private latest: Promise<void> = Promise.resolve();
  private rotations: Rotation[] = [];
  private running: Promise<void> | undefined;
  private stopped: Error | undefined;

  constructor(
    readonly segments: SegmentSet,
    private readonly checkpoint: Checkpoint,
    private nextSeq: number,
    private readonly onDurable?: OnDurable,
  ) {}

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  /** Assigns the next seqs to `bodies` (see format.encodeBody) and queues them. */
  append(bodies: readonly string[]): { firstSeq: number; durable: Promise<void> } {
    const firstSeq = this.nextSeq;
    this.nextSeq += bodies.length;
    const refusal = this.failure ?? this.stopped;
    if (refusal) {
      return { firstSeq, durable: rejected(refusal) };
    }
    if (bodies.length === 0) {
      return { firstSeq, durable: this.latest };
    }
    if (!this.open) {
      this.open = { firstSeq, lines: [], done: deferred() };
      this.latest = this.open.done.promise;
    }
    for (const [i, body] of bodies.entries()) {
      this.open.lines.push(encodeLine(firstSeq + i, body));
    }
    this.schedule();
    return { firstSeq, durable: this.open.done.promise };
  }

  /**
   * Starts a new segment at upToSeq+1 once every record before it is written and synced, so that all
   * older segments hold only seqs <= upToSeq. If records after upToSeq are already written or being
   * written, the cut moves to the first record that is not (the old segment then survives compaction).
   */
  rotate(upToSeq: number): Promise<void> {
    const refusal = this.failure ?? this.stopped;
    if (refusal) {
      return rejected(refusal);
    }
    const firstUnwritten = this.open?.firstSeq ?? this.nextSeq;
    const rotation = { atSeq: Math.max(upToSeq + 1, firstUnwritten), done: deferred() };
    this.rotations.push(rotation);
    this.schedule();
    return rotation.done.promise;
  }

  /** Refuses further work, waits for everything queued, closes the file. Rejects if the writer failed. */
  async close(): Promise<void> {
    this.stopped ??= new Error('the log store is closed');
    while (this.running) {
      await this.running;
    }
    try {
      try {
        await this.segments.close();
      } finally {
        await this.checkpoint.close();
      }
    } catch (e) {
      if (!this.failure) {
        throw e;
      }
    }
    if (this.failure) {
      throw this.failure;
    }
  }

  private schedule(): void {
    // Start in a microtask so that a burst of synchronous appends lands in the first batch.
    this.running ??= Promise.resolve().then(() => this.run());
  }

  private async run(): Promise<void> {
    while (this.open || this.rotations.length > 0) {
      const batch = this.open;
      const rotations = this.rotations;
      this.open = undefined;
      this.rotations = [];
      try {
        await this.flush(batch, rotations);
      } catch (e) {
        this.fail(e, [batch?.done, ...rotations.map((r) => r.done)]);
        continue;
      }
      if (batch) {
        this.notifyDurable(batch);
        batch.done.resolve();
      }
    }
    this.running = undefined; // synchronously with the loop's last check, so no append slips between
  }

  private async flush(batch: Batch | undefined, rotations: readonly Rotation[]): Promise<void> {
    const first = batch?.firstSeq ?? this.nextSeq;
    const lines = batch?.lines ?? [];
    let written = 0;
    for (const rotation of rotations) {
      const cut = Math.min(Math.max(rotation.atSeq - first, written), lines.length);
      await this.segments.write(lines, written, cut);
      written = cut;
      await this.segments.startAt(first + cut);
      rotation.done.resolve();
    }
    await this.segments.write(lines, written, lines.length);
    if (this.checkpoint.failure) {
      throw this.checkpoint.failure;
    }
    if (batch) {
      this.checkpoint.record(first + lines.length - 1);
      this.flushes++;
    }
  }

  private notifyDurable(batch: Batch): void {
    try {
      this.onDurable?.({ firstSeq: batch.firstSeq, lastSeq: batch.firstSeq + batch.lines.length - 1 });
    } catch {
      // a test hook must not be able to fail the store
    }
  }

  private fail(e: unknown, inFlight: readonly (Deferred | undefined)[]): void {
    const cause = e instanceof Error ? e : new Error(String(e));
    this.failure ??= new LogStoreFailedError(`the log store failed and accepts no more writes: ${cause.message}`, {
      cause,
    });
    const queued = [this.open?.done, ...this.rotations.map((r) => r.done)];
    this.open = undefined;
    this.rotations = [];
    for (const d of [...inFlight, ...queued]) {
      d?.reject(this.failure);
    }
  }
}
