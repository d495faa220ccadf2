import assert from 'node:assert/strict';
import type { ActionClient, ActionContext } from '../../../src/actions/context';
import { SessionFollower, type FollowedSession } from '../../../src/actions/follow';
import type { SessionRef } from '../../../src/api/backend';
import type { WatchEvent, WatchOptions } from '../../../src/api/watch/watch';
import { BiltError } from '../../../src/core/errors';
import type { Message } from '../../../src/core/model';
import { message, view, workflow } from '../present/fixtures';
import { FakeStore } from './fakeStore';

const REF: SessionRef = { sessionId: 's1', projectId: 'p1' };
const unavailable = new BiltError('unavailable', 'Server unavailable');

/**
 * A server with a message history, whose watch plays one script per call (then waits to be stopped, or
 * ends when the script says 'end'); it counts what it was asked.
 */
class FollowedServer {
  history: Message[] = [];
  scripts: Array<Array<WatchEvent | 'end'>> = [];
  readonly watches: Array<WatchOptions | undefined> = [];
  readonly reads: Array<{ limit?: number; offset?: number }> = [];
  clients = 0;
  failReads = 0;

  context(): ActionContext {
    const store = new FakeStore();
    store.client = async () => {
      this.clients++;
      return this.client();
    };
    return { store, links: { get: () => undefined, set: async () => undefined } };
  }

  private client(): ActionClient {
    const backend = {
      getSession: async () => view([workflow({ status: 'running' })]),
      getMessages: async (_ref: SessionRef, page: { limit?: number; offset?: number }) => {
        this.reads.push(page);
        if (this.failReads > 0) {
          this.failReads--;
          throw unavailable;
        }
        const newestFirst = [...this.history].reverse();
        const offset = page.offset ?? 0;
        const messages = newestFirst.slice(offset, offset + (page.limit ?? 100));
        return { messages, total: this.history.length, hasMore: offset + messages.length < this.history.length };
      },
    };
    const { watches, scripts } = this;
    return {
      backend: backend as unknown as ActionClient['backend'],
      watch: (_ref, o) => {
        watches.push(o);
        const script = scripts.shift() ?? [];
        return (async function* () {
          for (const event of script) {
            if (event === 'end') {
              return;
            }
            yield event;
          }
          await new Promise<void>((r) => (o?.signal?.aborted ? r() : o?.signal?.addEventListener('abort', () => r())));
        })();
      },
    };
  }
}

/** Follows until `done` says the state is reached (bounded by the number of changes). */
function follow(server: FollowedServer, recent: number, done: (s: FollowedSession) => boolean) {
  const warnings: string[] = [];
  const sleeps: number[] = [];
  let reached: (s: FollowedSession) => void = () => undefined;
  const settled = new Promise<FollowedSession>((r) => (reached = r));
  let changes = 0;
  const follower: SessionFollower = new SessionFollower(server.context(), 'local', REF, {
    recentMessages: () => recent,
    warn: (m) => warnings.push(m),
    sleep: async (ms) => void sleeps.push(ms),
    changed: () => {
      assert.ok(++changes < 100, 'more than 100 changes');
      if (done(follower.state())) {
        reached(follower.state());
      }
    },
  });
  return { follower, settled, warnings, sleeps };
}

const seqs = (s: FollowedSession) => s.messages.map((m) => m.seq);

describe('actions: following a session for its transcript', () => {
  it('reads the newest messages once, says how many came before, then adds only what is new', async () => {
    const server = new FollowedServer();
    server.history = Array.from({ length: 7 }, (_, i) => message(i + 1));
    server.scripts = [
      [
        { type: 'messages', messages: [message(7), message(8)] },
        { type: 'session', view: view([workflow({ status: 'completed' })]) },
      ],
    ];
    const { follower, settled } = follow(server, 3, (s) => s.workflows[0]?.status === 'completed');
    const state = await settled;
    follower.dispose();
    assert.deepEqual(seqs(state), [5, 6, 7, 8]);
    assert.equal(state.earlier, 4);
    assert.deepEqual(state.following, { state: 'live' });
    assert.equal(server.watches[0]?.fromSeq, 7, 'the watch starts after the last message read');
    assert.ok(server.watches[0]?.signal?.aborted, 'dispose stops the watch');
  });

  it('a failed first read is retried after a wait, saying so', async () => {
    const server = new FollowedServer();
    server.history = [message(1)];
    server.failReads = 1;
    const { follower, settled, warnings, sleeps } = follow(server, 10, (s) => s.following.state === 'live');
    const state = await settled;
    follower.dispose();
    assert.deepEqual(seqs(state), [1]);
    assert.deepEqual(sleeps, [2000]);
    assert.match(warnings[0] ?? '', /transcript of s1: Server unavailable; retrying in 2 s/);
  });

  it('after three watch errors in a row it asks the store for the client again and goes on from the last seq', async () => {
    const server = new FollowedServer();
    server.history = [message(1), message(2)];
    const error: WatchEvent = { type: 'error', error: unavailable, retryInMs: 4000 };
    server.scripts = [[error, error, error], [{ type: 'messages', messages: [message(3)] }]];
    const states: string[] = [];
    const { follower, settled } = follow(server, 10, (s) => {
      states.push(s.following.state);
      return s.messages.length === 3;
    });
    const state = await settled;
    follower.dispose();
    assert.deepEqual(seqs(state), [1, 2, 3]);
    assert.deepEqual(states, ['live', 'retrying', 'retrying', 'retrying', 'live']);
    assert.equal(server.clients, 3, 'one client for the first read, one per watch');
    assert.deepEqual(
      server.watches.map((w) => w?.fromSeq),
      [2, 2],
    );
    assert.equal(server.reads.length, 2, 'the history is read once (a count, then one page)');
  });

  it('suspended it stops asking; resumed it goes on from the last seq without reading the history again', async () => {
    const server = new FollowedServer();
    server.history = [message(1)];
    server.scripts = [[], [{ type: 'messages', messages: [message(2)] }]];
    const { follower, settled } = follow(server, 10, (s) => s.messages.length === 2);
    for (let i = 0; i < 100 && server.watches.length === 0; i++) {
      await new Promise((r) => setImmediate(r));
    }
    follower.suspend();
    assert.ok(server.watches[0]?.signal?.aborted);
    follower.resume();
    const state = await settled;
    follower.dispose();
    assert.deepEqual(seqs(state), [1, 2]);
    assert.equal(server.watches[1]?.fromSeq, 1);
    assert.equal(server.reads.length, 2);
  });

  it('a watch that ends by itself is followed again', async () => {
    const server = new FollowedServer();
    server.scripts = [['end'], [{ type: 'messages', messages: [message(1)] }]];
    const { follower, settled, warnings } = follow(server, 10, (s) => s.messages.length === 1);
    await settled;
    follower.dispose();
    assert.match(warnings[0] ?? '', /the watch ended; retrying/);
  });
});
