/**
 * BiltClient.watch over the wire on both contracts: push (the engine's /events) and poll
 * (watchSession without events) each deliver running → completed and every message exactly once, in
 * seq order; fromSeq 0 delivers the history.
 */
import assert from 'node:assert/strict';
import type { BiltBackend, SessionRef } from '../../src/api/backend';
import type { BiltClient } from '../../src/api/client';
import { watchSession, type WatchEvent } from '../../src/api/watch/watch';
import type { Message } from '../../src/core/model';
import { CONTRACTS, collect, newRef, summary, useClientEngine } from './support/client';

const statuses = (events: WatchEvent[]) => events.flatMap((e) => (e.type === 'session' ? [e.view.session.status] : []));
const delivered = (events: WatchEvent[]) => events.flatMap((e) => (e.type === 'messages' ? e.messages : []));
const completed = (events: WatchEvent[]) => statuses(events).at(-1) === 'completed';

/** Counts the backend's getSession calls (to tell push from poll). */
function countSessionReads(backend: BiltBackend): () => number {
  let n = 0;
  const orig = backend.getSession.bind(backend);
  backend.getSession = (q, o) => (n++, orig(q, o));
  return () => n;
}

/**
 * Watches a fresh session while a workflow runs in it (started and read through `driver`, another
 * connection); returns the events once it completed and every message arrived, and how often the
 * watch read the session.
 */
async function watchAWorkflow(
  watched: BiltClient,
  client: BiltClient,
  watch: (ref: SessionRef) => AsyncIterable<WatchEvent>,
): Promise<{ events: WatchEvent[]; history: Message[]; reads: number }> {
  const ref = await newRef(client);
  const reads = countSessionReads(watched.backend);
  let total = Infinity;
  let sent = false;
  const events = await collect(
    watch(ref),
    (ev) => completed(ev) && delivered(ev).length >= total,
    8000,
    async (e) => {
      if (!sent && e.type === 'session') {
        sent = true; // the watch is live: start the workflow
        void client.backend.sendMessage(ref, 'Build a watched app').catch(() => undefined);
      }
      // completed: every message is in; the rest may still be on its way to the watch
      if (e.type === 'session' && e.view.session.status === 'completed') {
        total = (await client.backend.getMessages(ref, { limit: 1 })).total;
      }
    },
  );
  const history = (await client.backend.getMessages(ref, { limit: 100 })).messages.reverse();
  return { events, history, reads: reads() };
}

function assertWatched(events: WatchEvent[], history: Message[]): void {
  const s = statuses(events);
  assert.equal(s[0], 'idle', summary(events));
  assert.ok(
    s.indexOf('running') > 0 && s.indexOf('running') < s.indexOf('completed'),
    `running before completed: ${summary(events)}`,
  );
  assert.ok(!events.some((e) => e.type === 'error'), summary(events));
  const got = delivered(events);
  assert.deepEqual(
    got.map((m) => m.seq),
    history.map((m) => m.seq),
    `every message once, in seq order: ${summary(events)}`,
  );
  assert.deepEqual(
    got.map((m) => [m.id, m.text, m.side]),
    history.map((m) => [m.id, m.text, m.side]),
  );
  assert.ok(history.length >= 4 && history[0]!.text === 'Build a watched app');
}

describe('wire: BiltClient.watch', () => {
  const e = useClientEngine({ scenario: 'quick.json', speed: 1 });

  for (const c of CONTRACTS) {
    describe(`${c.name} (${c.kind})`, () => {
      it('push (the engine has events): running → completed and every message once, in order, with a single state read', async () => {
        const client = await e.connect(c);
        assert.ok(client.eventsUrl);
        const { events, history, reads } = await watchAWorkflow(client, await e.connect(c), (ref) => client.watch(ref));
        assertWatched(events, history);
        assert.equal(reads, 1, 'the state was read once; the rest was pushed');
      });

      it('poll (no events): the same, at the active interval', async () => {
        const client = await e.connect(c);
        const { events, history, reads } = await watchAWorkflow(client, await e.connect(c), (ref) =>
          watchSession(client.backend, ref, { activeMs: 50, idleMs: 200 }),
        );
        assertWatched(events, history);
        assert.ok(reads >= 3, `polled (${reads} reads)`);
      });

      it('fromSeq 0 delivers the whole history, push and poll alike', async () => {
        const client = await e.connect(c);
        const ref = await newRef(client);
        await client.backend.sendMessage(ref, 'Build a history', { wait: true });
        const history = (await client.backend.getMessages(ref, { limit: 100 })).messages.reverse();
        for (const watch of [
          client.watch(ref, { fromSeq: 0 }),
          watchSession(client.backend, ref, { fromSeq: 0, activeMs: 50, idleMs: 200 }),
        ]) {
          const events = await collect(watch, (ev) => delivered(ev).length >= history.length, 5000);
          assert.deepEqual(statuses(events), ['completed'], summary(events));
          assert.deepEqual(delivered(events), history);
        }
      });
    });
  }
});
