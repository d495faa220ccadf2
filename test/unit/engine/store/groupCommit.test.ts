import assert from 'node:assert/strict';
import { openSegmentFile, type SegmentFile } from '../../../../src/engine/store/files';
import { appendAll, open, range, rec, reopenExpect, useTempDirs } from './helpers';

/** A gate the test opens by hand. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('LogStore: group commit', () => {
  const tempDir = useTempDirs();

  it('commits 10,000 single-record appends with few fdatasyncs', async () => {
    const dir = await tempDir();
    const { store } = await open(dir);
    const started = performance.now();
    let last: Promise<void> = Promise.resolve();
    for (const i of range(1, 10_000)) {
      last = store.append([rec(i)]).durable;
    }
    await last;
    const ms = performance.now() - started;
    const { appends, flushes, syncs } = store.stats;
    assert.equal(appends, 10_000);
    assert.ok(syncs >= 1 && syncs <= 10, `${syncs} fdatasyncs for ${appends} appends (${ms.toFixed(0)} ms)`);
    assert.ok(flushes <= syncs, `${flushes} flushes`);
    await store.close();
    await reopenExpect(dir, 0, range(1, 10_000));
  });

  it('batches appends that arrive while a flush is in flight into the next flush', async () => {
    const dir = await tempDir();
    const syncStarted = gate();
    const release = gate();
    let syncCalls = 0;
    const openBlocking = async (file: string): Promise<SegmentFile> => {
      const real = await openSegmentFile(file);
      return {
        write: (data) => real.write(data),
        async sync() {
          if (++syncCalls === 1) {
            syncStarted.open();
            await release.wait; // hold the first flush until the test lets it go
          }
          await real.sync();
        },
        close: () => real.close(),
      };
    };
    const batches: { firstSeq: number; lastSeq: number }[] = [];
    const { store } = await open(dir, { openSegmentFile: openBlocking, onDurable: (b) => batches.push(b) });
    const first = store.append([rec(1)]).durable;
    await syncStarted.wait;
    const later = range(2, 101).map((i) => store.append([rec(i)]).durable);
    release.open();
    await Promise.all([first, ...later]);
    assert.deepEqual(batches, [
      { firstSeq: 1, lastSeq: 1 },
      { firstSeq: 2, lastSeq: 101 },
    ]);
    assert.equal(store.stats.flushes, 2);
    assert.equal(store.stats.syncs, 2);
    assert.equal(later[0], later[99], 'one batch, one promise');
    await store.close();
  });

  it('resolves durable promises in append order, each after its batch is reported durable', async () => {
    const dir = await tempDir();
    const reported: { firstSeq: number; lastSeq: number }[] = [];
    const { store } = await open(dir, { onDurable: (b) => reported.push(b) });
    const resolvedOrder: number[] = [];
    const all: Promise<void>[] = [];
    let seq = 0;
    for (let round = 0; round < 20; round++) {
      for (let k = 0; k <= round; k++) {
        const mine = ++seq;
        const { seqs, durable } = store.append([rec(mine)]);
        assert.deepEqual(seqs, [mine]);
        all.push(
          durable.then(() => {
            assert.ok((reported.at(-1)?.lastSeq ?? 0) >= mine, `seq ${mine} resolved before its batch was durable`);
            resolvedOrder.push(mine);
          }),
        );
      }
      await yieldToIo();
    }
    await Promise.all(all);
    assert.deepEqual(resolvedOrder, range(1, seq));
    // Batches are contiguous and in order.
    assert.equal(reported[0]!.firstSeq, 1);
    for (let i = 1; i < reported.length; i++) {
      assert.equal(reported[i]!.firstSeq, reported[i - 1]!.lastSeq + 1);
    }
    assert.equal(reported.at(-1)!.lastSeq, seq);
    assert.ok(reported.length < seq, `${reported.length} batches for ${seq} appends`);
    await store.close();
  });

  it('writes without fdatasync when fsync is off', async () => {
    const dir = await tempDir();
    const { store } = await open(dir, { fsync: false });
    await appendAll(store, range(1, 100));
    await store.compact({ n: 100 }, 100);
    assert.equal(store.stats.syncs, 0);
    await store.close();
    await reopenExpect(dir, 100, []);
  });
});
