/**
 * checkpoint.json: the highest seq the store has acknowledged, so recovery can tell a torn tail that
 * was never acknowledged from acknowledged records that went missing (a log cut short, a lost file).
 *
 *   {"acknowledged":"0000000000000123","crc":"hhhhhhhh"}\n     (always 52 bytes, overwritten in place)
 *
 * The flush loop writes it after each batch is fdatasync'ed and before that batch's promises resolve,
 * with one synchronous positional write: it can never name a seq that is not durable in the log, and
 * after a process crash (the kernel keeps the write) it names exactly the last acknowledged seq. It is
 * made durable by a background fdatasync at most once a second (off the acknowledgement path, so it
 * costs no latency), so after a power loss it may lag behind by up to about a second of acknowledgements:
 * recovery then detects every loss up to the seq it names. A torn or
 * unreadable checkpoint is treated as absent (the check is then skipped, and said to be).
 */
import { closeSync, constants, fdatasync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { crc32, crcHex } from './crc32';
import { CHECKPOINT_FILE, FILE_MODE } from './format';

/** How often, at most, the checkpoint is made durable (it only has to be a lower bound after a power loss). */
const SYNC_EVERY_MS = 1000;

const CheckpointDocument = z.object({ acknowledged: z.string().regex(/^\d{16}$/), crc: z.string() });

export function encodeCheckpoint(seq: number): Buffer {
  const digits = String(seq).padStart(16, '0');
  return Buffer.from(`${JSON.stringify({ acknowledged: digits, crc: crcHex(crc32(digits)) })}\n`);
}

export type CheckpointRead = { seq: number } | { unreadable: string } | undefined;

/** The acknowledged seq, `unreadable` with why, or undefined when there is no checkpoint file. */
export async function readCheckpoint(dir: string): Promise<CheckpointRead> {
  const text = await readFile(path.join(dir, CHECKPOINT_FILE), 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') {
      return undefined;
    }
    throw e;
  });
  if (text === undefined) {
    return undefined;
  }
  let doc: z.infer<typeof CheckpointDocument>;
  try {
    doc = CheckpointDocument.parse(JSON.parse(text));
  } catch {
    return { unreadable: 'it is not a checkpoint document' };
  }
  return doc.crc === crcHex(crc32(doc.acknowledged))
    ? { seq: Number(doc.acknowledged) }
    : { unreadable: 'bad checksum' };
}

/** The open checkpoint file the flush loop records into. */
export class Checkpoint {
  /** Set when a background fdatasync failed; the writer fails the store on its next flush. */
  failure: Error | undefined;
  private syncing: Promise<void> | undefined;
  private dirty = false;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    private readonly fd: number,
    private readonly fsync: boolean,
  ) {}

  /** Creates or opens the checkpoint in dir and records `seq` in it. */
  static open(dir: string, seq: number, fsync: boolean): Checkpoint {
    // Not truncated on open: the document has a fixed length and is overwritten in place.
    const fd = openSync(path.join(dir, CHECKPOINT_FILE), constants.O_RDWR | constants.O_CREAT, FILE_MODE);
    const checkpoint = new Checkpoint(fd, fsync);
    checkpoint.record(seq);
    return checkpoint;
  }

  /** Overwrites the acknowledged seq (synchronously, ~µs), then makes it durable in the background. */
  record(seq: number): void {
    const data = encodeCheckpoint(seq);
    writeSync(this.fd, data, 0, data.length, 0);
    this.dirty = true;
    this.syncSoon();
  }

  /** Waits for the background sync, syncs what is left, closes. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    try {
      await this.syncing;
      if (this.fsync && this.dirty) {
        await new Promise<void>((resolve, reject) => fdatasync(this.fd, (e) => (e ? reject(e) : resolve())));
      }
    } finally {
      closeSync(this.fd);
    }
  }

  /** At most one background fdatasync per SYNC_EVERY_MS, off the path of any acknowledgement. */
  private syncSoon(): void {
    if (!this.fsync || this.timer || this.syncing || this.closed) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.dirty = false;
      this.syncing = new Promise<void>((resolve) =>
        fdatasync(this.fd, (e) => {
          this.syncing = undefined;
          if (e) {
            this.failure ??= e;
          } else if (this.dirty) {
            this.syncSoon();
          }
          resolve();
        }),
      );
    }, SYNC_EVERY_MS);
    this.timer.unref();
  }
}
