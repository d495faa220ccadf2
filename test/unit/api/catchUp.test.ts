/** fetchNewMessages: requests grow with what is new, never with the history. */
import assert from 'node:assert/strict';
import { fetchNewMessages } from '../../../src/api/watch/catchUp';
import { FakeBackend, REF } from './fakeBackend';

const seqs = (r: { messages: Array<{ seq: number }> }) => r.messages.map((m) => m.seq);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

function backend(history: number): FakeBackend {
  const b = new FakeBackend();
  b.add(history);
  return b;
}

describe('api/watch/catchUp: fetchNewMessages', () => {
  it('10,000 messages of history and 3 new ones: one request of limit 3', async () => {
    const b = backend(10_003);
    const r = await fetchNewMessages(b, REF, 10_000, 10_003);
    assert.deepEqual(b.calls, [{ op: 'getMessages', limit: 3, offset: 0 }]);
    assert.deepEqual(seqs(r), [10_001, 10_002, 10_003], 'oldest first');
    assert.equal(r.total, 10_003);
  });

  it('250 new ones: three requests of at most 100, returned oldest first', async () => {
    const b = backend(10_250);
    const r = await fetchNewMessages(b, REF, 10_000, 10_250);
    assert.deepEqual(b.calls, [
      { op: 'getMessages', limit: 100, offset: 0 },
      { op: 'getMessages', limit: 100, offset: 100 },
      { op: 'getMessages', limit: 50, offset: 200 },
    ]);
    assert.deepEqual(seqs(r), range(10_001, 10_250));
  });

  it('nothing new with a known total: zero requests', async () => {
    const b = backend(500);
    const r = await fetchNewMessages(b, REF, 500, 500);
    assert.deepEqual(b.calls, []);
    assert.deepEqual([r.messages, r.total], [[], 500]);
  });

  it('unknown total: one limit-1 probe when nothing is new; the rest fetched when something is', async () => {
    const b = backend(500);
    assert.deepEqual(seqs(await fetchNewMessages(b, REF, 500, undefined)), []);
    assert.deepEqual(b.calls, [{ op: 'getMessages', limit: 1, offset: 0 }]);
    b.calls.length = 0;
    b.add(3);
    assert.deepEqual(seqs(await fetchNewMessages(b, REF, 500, undefined)), [501, 502, 503]);
    assert.deepEqual(b.calls, [
      { op: 'getMessages', limit: 1, offset: 0 },
      { op: 'getMessages', limit: 2, offset: 1 },
    ]);
  });

  it('from 0 (the whole history) pages through it all, in order', async () => {
    const b = backend(230);
    assert.deepEqual(seqs(await fetchNewMessages(b, REF, 0, 230)), range(1, 230));
    assert.equal(b.calls.length, 3);
  });

  it('a known total that is already stale (more arrived since) still reaches back to lastSeq', async () => {
    const b = backend(120);
    const r = await fetchNewMessages(b, REF, 100, 110);
    assert.deepEqual(seqs(r), range(101, 120));
    assert.equal(r.total, 120);
  });

  it('messages arriving between the pages are neither repeated nor skipped', async () => {
    const b = backend(250);
    b.afterGetMessages = () => {
      if (b.history.length < 256) {
        b.add(3);
      } // three more while each page is on its way
    };
    const r = await fetchNewMessages(b, REF, 0, 250);
    assert.deepEqual(seqs(r), range(1, 250), 'every seq once, in order, up to the total of the first page');
    assert.equal(b.calls.length, 4, 'one page more for the shift');
  });

  it('more arriving than a page holds only costs another page', async () => {
    const b = backend(503);
    b.afterGetMessages = () => {
      if (b.history.length === 503) {
        b.add(5);
      }
    };
    assert.deepEqual(seqs(await fetchNewMessages(b, REF, 500, undefined)), [501, 502, 503]);
    assert.deepEqual(b.calls, [
      { op: 'getMessages', limit: 1, offset: 0 },
      { op: 'getMessages', limit: 2, offset: 1 }, // already shifted by the 5 new ones: nothing older in it
      { op: 'getMessages', limit: 2, offset: 6 },
    ]);
  });

  it('stops when the server has fewer messages than it said', async () => {
    const b = backend(5);
    b.getMessages = async (_ref, page) => {
      b.calls.push({ op: 'getMessages', limit: page.limit, offset: page.offset });
      return page.offset ? { messages: [], total: 8, hasMore: false } : { messages: [], total: 8, hasMore: true };
    };
    const r = await fetchNewMessages(b, REF, 0, undefined);
    assert.deepEqual(r.messages, []);
    assert.equal(b.calls.length, 2);
  });
});
