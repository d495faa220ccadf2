/**
 * `repair`: makes a damaged log open again while keeping every valid record. Each damaged stretch is
 * moved aside, byte for byte, into damaged/<segment>.<offset>.<time>.bin; the segment is rewritten (tmp,
 * fdatasync, rename) with the valid records and a gap marker (framing.ts) for the seqs that are missing,
 * so seqs (and the event ids built on them) never repeat. Records the caller cannot use (`drop`, e.g.
 * ones that refer to a session whose record was damaged) are moved aside the same way. Acknowledged
 * records missing from the end (the checkpoint is ahead of the log) cannot be brought back: the loss is
 * reported and a gap marker takes their seqs. A report of what was done goes to damaged/repair-<time>.json.
 * Run it only while no engine uses the dir. A crash during repair leaves a dir repair can finish.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { encodeCheckpoint, readCheckpoint } from './checkpoint';
import { replaceFile, syncDir, writeNewFile } from './files';
import { CHECKPOINT_FILE, DAMAGED_DIR, DIR_MODE, FILE_MODE, SNAPSHOT_FILE, segmentFileName } from './format';
import { encodeLine, GAP_TYPE } from './framing';
import { listSegments, type FoundSegment } from './recoveryFiles';
import { scanLeniently } from './repairScan';
import { seqAfter } from './scan';
import { decodeSnapshot } from './snapshotFile';

export interface MovedAside {
  file: string;
  offset: number;
  bytes: number;
  reason: string;
  /** Where the bytes are now. */
  savedTo: string;
}

export interface RepairReport {
  /** False when the log needed nothing. */
  changed: boolean;
  movedAside: MovedAside[];
  /** Seqs that are gone, each range with why. */
  gaps: { from: number; through: number; why: string }[];
  /** Acknowledged seqs missing from the end of the log (a loss repair can only report). */
  lostAcknowledged?: { from: number; through: number } | undefined;
  /** Segment files written. */
  rewritten: string[];
  reportFile?: string | undefined;
}

interface Output {
  input: FoundSegment;
  firstSeq: number;
  lines: string[];
  aside: { offset: number; bytes: Buffer; reason: string }[];
  changed: boolean;
}

const gapLine = (from: number, through: number, why: string) =>
  encodeLine(from, JSON.stringify({ type: GAP_TYPE, through, why }));

export async function repairLog(
  dir: string,
  options: { fsync?: boolean; drop?: ReadonlyMap<number, string> } = {},
): Promise<RepairReport> {
  const fsync = options.fsync ?? true;
  const report: RepairReport = { changed: false, movedAside: [], gaps: [], rewritten: [] };
  const names = await readdir(dir);
  for (const leftover of names.filter((n) => n.endsWith('.repair.tmp'))) {
    await rm(path.join(dir, leftover), { force: true });
  }
  const snapshotPath = path.join(dir, SNAPSHOT_FILE);
  const snapshotSeq = names.includes(SNAPSHOT_FILE)
    ? decodeSnapshot(snapshotPath, await readFile(snapshotPath)).seq
    : 0;
  const outputs: Output[] = [];
  let expected = snapshotSeq + 1;
  const gap = (out: Output, through: number, why: string) => {
    out.lines.push(gapLine(expected, through, why));
    report.gaps.push({ from: expected, through, why });
    out.changed = true;
    expected = through + 1;
  };
  for (const input of listSegments(dir, names, snapshotSeq).live) {
    const previous = outputs.at(-1);
    if (!previous) {
      expected = Math.min(expected, input.firstSeq);
    } else if (input.firstSeq > expected) {
      gap(previous, input.firstSeq - 1, 'the records between two log files are missing');
    }
    const out: Output = { input, firstSeq: expected, lines: [], aside: [], changed: false };
    outputs.push(out);
    for (const item of scanLeniently(await readFile(input.path), input.legacy)) {
      const aside = (reason: string) => {
        out.aside.push({ offset: item.offset, bytes: item.bytes, reason });
        out.changed = true;
      };
      if (item.kind === 'damaged') {
        aside(item.reason);
        continue;
      }
      const { seq, ...body } = item.record;
      if (seq < expected) {
        aside(`the record has seq ${seq} where ${expected} was expected (repeated or out of order)`);
        continue;
      }
      if (seq > expected) {
        gap(out, seq - 1, 'the records were damaged or missing (see movedAside)');
      }
      const dropped = options.drop?.get(seq);
      if (dropped !== undefined) {
        aside(dropped);
        gap(out, seqAfter(item.record) - 1, dropped);
        continue;
      }
      out.lines.push(input.legacy ? encodeLine(seq, JSON.stringify(body)) : item.bytes.toString('utf8'));
      expected = seqAfter(item.record);
    }
  }
  const checkpoint = await readCheckpoint(dir);
  if (checkpoint && 'seq' in checkpoint && checkpoint.seq >= expected) {
    report.lostAcknowledged = { from: expected, through: checkpoint.seq };
    const last = outputs.at(-1) ?? newOutput(dir, expected, outputs);
    gap(last, checkpoint.seq, 'acknowledged records missing from the end of the log (lost)');
  }
  if (!outputs.some((o) => o.changed)) {
    return report;
  }
  report.changed = true;
  await writeRepair(dir, outputs, report, fsync);
  if (report.lostAcknowledged) {
    await replaceFile(dir, CHECKPOINT_FILE, `${CHECKPOINT_FILE}.repair.tmp`, encodeCheckpoint(expected - 1), fsync);
  }
  return report;
}

/** An output for seqs after the last segment (when the log has none left). */
function newOutput(dir: string, firstSeq: number, outputs: Output[]): Output {
  const input = { firstSeq, path: path.join(dir, segmentFileName(firstSeq)), legacy: false };
  const out: Output = { input, firstSeq, lines: [], aside: [], changed: true };
  outputs.push(out);
  return out;
}

async function writeRepair(dir: string, outputs: Output[], report: RepairReport, fsync: boolean): Promise<void> {
  const damagedDir = path.join(dir, DAMAGED_DIR);
  await mkdir(damagedDir, { recursive: true, mode: DIR_MODE });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (const out of outputs.filter((o) => o.changed)) {
    const inputName = path.basename(out.input.path);
    for (const a of out.aside) {
      const savedTo = path.join(damagedDir, `${inputName}.${a.offset}.${stamp}.bin`);
      await writeNewFile(savedTo, a.bytes, fsync);
      report.movedAside.push({
        file: out.input.path,
        offset: a.offset,
        bytes: a.bytes.length,
        reason: a.reason,
        savedTo,
      });
    }
    if (fsync) {
      await syncDir(damagedDir);
    }
    const outName = segmentFileName(out.firstSeq);
    if (out.lines.length > 0) {
      await replaceFile(dir, outName, `${outName}.repair.tmp`, Buffer.from(out.lines.join(''), 'utf8'), fsync);
      report.rewritten.push(path.join(dir, outName));
    }
    if (out.lines.length === 0 || outName !== inputName) {
      await rm(out.input.path, { force: true });
    }
  }
  if (fsync) {
    await syncDir(dir);
  }
  report.reportFile = path.join(damagedDir, `repair-${stamp}.json`);
  await writeFile(report.reportFile, `${JSON.stringify(report, null, 2)}\n`, { mode: FILE_MODE });
}
