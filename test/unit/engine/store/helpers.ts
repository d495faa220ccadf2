/** Shared helpers for the log store tests: temp dirs, building on-disk states by hand, reading them back. */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { legacySegmentFileName, segmentFileName } from '../../../../src/engine/store/format';
import { encodeLine } from '../../../../src/engine/store/framing';
import { LogStore, type LogStoreOptions } from '../../../../src/engine/store/logStore';
import { serializeSnapshot, snapshotDocument } from '../../../../src/engine/store/snapshotFile';
import type { LogRecord, NewRecord, OpenedLog } from '../../../../src/engine/store/types';

/** Registers afterEach cleanup and returns a maker of fresh temp dirs. */
export function useTempDirs(): () => Promise<string> {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) {
      await rm(dir, { recursive: true, force: true });
    }
  });
  return async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'bilt-store-'));
    dirs.push(dir);
    return dir;
  };
}

export const rec = (i: number): NewRecord => ({ type: 'test.record', i, text: `record ${i} — ünïcødé 🚀` });

/** The framed line the store writes for rec(seq) at `seq`. */
export const lineOf = (seq: number): string => encodeLine(seq, JSON.stringify(rec(seq)));
/** The line an engine before format 2 wrote (no checksum). */
export const legacyLineOf = (seq: number): string => `${JSON.stringify({ seq, ...rec(seq) })}\n`;

export const segName = (firstSeq: number): string => segmentFileName(firstSeq);
export const legacySegName = (firstSeq: number): string => legacySegmentFileName(firstSeq);

/** Writes a segment holding rec(seq) for `seqs`, plus optional raw trailing bytes. */
export async function writeSegment(
  dir: string,
  firstSeq: number,
  seqs: number[],
  tail: string | Buffer = '',
): Promise<string> {
  const file = path.join(dir, segName(firstSeq));
  await writeFile(file, Buffer.concat([Buffer.from(seqs.map(lineOf).join('')), Buffer.from(tail)]));
  return file;
}

export async function writeSnapshot(
  dir: string,
  seq: number,
  snapshot: unknown,
  name = 'snapshot.json',
): Promise<void> {
  await writeFile(path.join(dir, name), snapshotDocument(seq, serializeSnapshot(snapshot), new Map()));
}

/** A segment as engines before format 2 wrote it. */
export async function writeLegacySegment(dir: string, firstSeq: number, seqs: number[], tail = ''): Promise<string> {
  const file = path.join(dir, legacySegName(firstSeq));
  await writeFile(file, seqs.map(legacyLineOf).join('') + tail);
  return file;
}

/** A format-1 snapshot, as engines before format 2 wrote it. */
export async function writeLegacySnapshot(dir: string, seq: number, snapshot: unknown): Promise<void> {
  await writeFile(path.join(dir, 'snapshot.json'), `${JSON.stringify({ format: 1, seq, snapshot })}\n`);
}

export const range = (from: number, to: number): number[] =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, k) => from + k);

/** The store's files in dir (segments, snapshot, archives), sorted; the checkpoint is always there. */
export async function storeFiles(dir: string): Promise<string[]> {
  return (await readdir(dir))
    .filter((n) => n.startsWith('log-') || n.startsWith('snapshot') || n.startsWith('archive-'))
    .sort();
}

export async function sizeOf(file: string): Promise<number> {
  return (await stat(file)).size;
}

export async function readText(file: string): Promise<string> {
  return readFile(file, 'utf8');
}

export async function open(
  dir: string,
  options: Partial<LogStoreOptions> = {},
): Promise<{ store: LogStore; opened: OpenedLog }> {
  return LogStore.open({ dir, ...options });
}

/** Appends rec(seq) for each of `seqs` (one append call each) and waits until all are durable. */
export async function appendAll(store: LogStore, seqs: number[]): Promise<void> {
  let last: Promise<void> = Promise.resolve();
  for (const seq of seqs) {
    const { seqs: got, durable } = store.append([rec(seq)]);
    assert.deepEqual(got, [seq]);
    last = durable;
  }
  await last;
}

/** Asserts the opened records are exactly rec(seq) for `seqs`. */
export function assertRecords(records: LogRecord[], seqs: number[]): void {
  assert.deepEqual(
    records,
    seqs.map((seq) => ({ seq, ...rec(seq) })),
  );
}

/** Opens, checks the records, closes. */
export async function reopenExpect(dir: string, snapshotSeq: number, seqs: number[]): Promise<OpenedLog> {
  const { store, opened } = await open(dir);
  await store.close();
  assert.equal(opened.snapshotSeq, snapshotSeq);
  assertRecords(opened.records, seqs);
  return opened;
}
