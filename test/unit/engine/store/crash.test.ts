import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { open, useTempDirs } from './helpers';
import { crashRecord, crashSnapshot } from './fixtures/crashRecords';

const ROOT = path.resolve(__dirname, '../../../..');
const CHILD = path.join(__dirname, 'fixtures', 'crashChild.ts');

interface KillResult {
  /** Highest seq the child reported durable before it was killed. */
  acked: number;
  compactions: number;
}

/**
 * Runs the child until it has acknowledged `target` seqs (and, in compact mode, finished two
 * compactions), then SIGKILLs it. Every acknowledgement was printed only after its durable resolved.
 */
function runAndKill(dir: string, mode: 'plain' | 'compact', target: number): Promise<KillResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', CHILD, dir, mode], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result: KillResult = { acked: 0, compactions: 0 };
    let stderr = '';
    let killed = false;
    const fail = (e: Error) => {
      child.kill('SIGKILL');
      reject(e);
    };
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [word, arg] = line.split(' ');
      if (word === 'ack') {
        result.acked = Math.max(result.acked, Number(arg));
      } else if (word === 'compact') {
        result.compactions++;
      } else if (word === 'error') {
        fail(new Error(`child: ${line}`));
      }
      if (!killed && result.acked >= target && (mode === 'plain' || result.compactions >= 2)) {
        killed = true;
        child.kill('SIGKILL'); // lines already in the pipe are still read: acks after this count too
      }
    });
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL' && killed) {
        resolve(result);
      } else {
        reject(new Error(`child exited early (code ${code}, signal ${signal}): ${stderr}`));
      }
    });
  });
}

/** Reopens and checks: every acknowledged record is there, exactly, seqs contiguous; then appends. */
async function verify(dir: string, acked: number): Promise<number> {
  const { store, opened } = await open(dir);
  const S = opened.snapshotSeq;
  if (S > 0) {
    assert.deepEqual(opened.snapshot, crashSnapshot(S));
  }
  opened.records.forEach((r, k) => assert.deepEqual(r, { seq: S + 1 + k, ...crashRecord(S + 1 + k) }));
  const lastSeq = S + opened.records.length;
  assert.equal(store.lastSeq, lastSeq);
  assert.ok(lastSeq >= acked, `acknowledged seq ${acked} lost (log ends at ${lastSeq}, snapshot at ${S})`);
  const { seqs, durable } = store.append([crashRecord(lastSeq + 1)]);
  assert.deepEqual(seqs, [lastSeq + 1]);
  await durable;
  await store.close();
  const again = await open(dir);
  assert.equal(again.store.lastSeq, lastSeq + 1);
  assert.equal(again.opened.droppedTailBytes, 0);
  await again.store.close();
  return lastSeq + 1;
}

describe('LogStore: real crashes (SIGKILL of a writing child)', function () {
  this.timeout(120_000);
  const tempDir = useTempDirs();

  if (process.platform === 'win32') {
    return;
  } // no SIGKILL semantics to speak of

  it('keeps every acknowledged record across repeated kills, with and without compaction running', async () => {
    const dir = await tempDir();
    let lastSeq = 0;
    const rounds: ('plain' | 'compact')[] = [
      'plain',
      'plain',
      'compact',
      'plain',
      'compact',
      'compact',
      'plain',
      'compact',
    ];
    for (const mode of rounds) {
      // A varying target moves the kill to different points of the flush and compaction cycles.
      const target = lastSeq + 2000 + Math.floor(Math.random() * 2000);
      const { acked, compactions } = await runAndKill(dir, mode, target);
      assert.ok(acked > lastSeq);
      if (mode === 'compact') {
        assert.ok(compactions >= 2);
      }
      lastSeq = await verify(dir, acked);
    }
  });
});
