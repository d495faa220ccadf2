/** BiltStore when things fail: states, backoff, rate limits, signed out and unauthorized; the last good data stays. */
import assert from 'node:assert/strict';
import { RETIRE_MS } from '../../../../src/api/store/clients';
import { signedOut } from '../../../../src/api/store/types';
import { BiltError } from '../../../../src/core/errors';
import { setup, T0 } from './support';

const unavailable = () => new BiltError('unavailable', 'Cannot reach https://mcp.example.test/mcp');

describe('api/store: failures', () => {
  it('an unreachable server: state with retryAt, retried at most 5 s apart, last data kept, ready again once it answers', async () => {
    const t = setup({ options: { retryMs: 2000, maxBackoffMs: 10_000 } });
    t.server.add(2);
    await t.start();
    t.server.failures.push(unavailable(), unavailable(), unavailable(), unavailable(), unavailable());
    await t.timers.advance(60_000);
    let s = t.snap();
    assert.deepEqual([s.status.state, 'retryAt' in s.status && s.status.retryAt], ['unreachable', T0 + 62_000]);
    assert.equal(s.projects?.length, 2, 'the last good data stays');
    assert.equal(s.nextRefreshAt, T0 + 62_000);
    await t.timers.advance(60_000);
    const lists = t.server.calls.filter((c) => c.op === 'list').map((c) => (c.at - T0) / 1000);
    assert.deepEqual(lists, [0, 60, 62, 66, 71, 76, 81], 'retries after 2, 4, then 5 s (a try costs nothing)');
    s = t.snap();
    assert.deepEqual([s.status.state, s.updatedAt], ['ready', T0 + 81_000]);
    assert.equal(s.nextRefreshAt, T0 + 141_000, 'then the normal cadence');
  });

  it('a server that answers with errors backs off exponentially (capped); a long outage too, after 5 minutes', async () => {
    const t = setup({ options: { retryMs: 2000, maxBackoffMs: 10_000 } });
    t.server.add(1);
    await t.start();
    const broken = () => new BiltError('internal', 'Internal server error');
    t.server.failures.push(broken(), broken(), broken(), broken(), broken());
    await t.timers.advance(120_000);
    const lists = t.server.calls.filter((c) => c.op === 'list').map((c) => (c.at - T0) / 1000);
    assert.deepEqual(lists.slice(0, 7), [0, 60, 62, 66, 74, 84, 94], 'retries after 2, 4, 8, then 10 s (the cap)');

    const away = setup({ options: { retryMs: 2000, maxBackoffMs: 60_000 } });
    away.server.add(1);
    await away.start();
    away.server.failures.push(...Array.from({ length: 70 }, unavailable));
    await away.timers.advance(500_000);
    const late = away.server.calls.filter((c) => c.op === 'list').map((c) => c.at - T0);
    const gaps = late.slice(1).map((at, i) => at - late[i]!);
    assert.ok(
      gaps.slice(3, 60).every((g) => g === 5000),
      'the first 60 tries (5 minutes): 5 s apart',
    );
    assert.equal(gaps[61], 60_000, 'after 60 fast tries: the doubling backoff (capped at 60 s)');
  });

  it('a rate-limit error pauses the server for retry_after seconds', async () => {
    const t = setup();
    t.server.add(1);
    await t.start();
    t.server.failures.push(new BiltError('rate_limited', 'Rate limit exceeded', { retry_after: 90 }));
    await t.timers.advance(60_000);
    assert.deepEqual(t.snap().status, { state: 'rate-limited', retryAt: T0 + 150_000 });
    await t.timers.advance(89_999);
    assert.equal(t.server.count('list'), 2);
    await t.timers.advance(1);
    assert.equal(t.server.count('list'), 3);
    assert.equal(t.snap().status.state, 'ready');
  });

  it('a server-imposed pause of the shared budget (429 Retry-After) holds the polling and shows until when', async () => {
    const t = setup();
    t.server.add(1);
    await t.start();
    t.server.budget.pauseUntil(T0 + 100_000);
    await t.timers.advance(60_000);
    assert.deepEqual(t.snap().status, { state: 'rate-limited', retryAt: T0 + 100_000 });
    assert.equal(t.server.count('list'), 1, 'no request was sent into the pause');
    await t.timers.advance(40_000);
    assert.equal(t.server.count('list'), 2);
    assert.equal(t.snap().status.state, 'ready');
  });

  it('unauthorized while polling: shown, never retried on its own; refresh() connects again (a new token) and reads', async () => {
    const t = setup();
    t.server.add(1);
    await t.start();
    t.server.failures.push(new BiltError('unauthorized', 'Invalid or expired API key'));
    await t.timers.advance(60_000);
    assert.equal(t.snap().status.state, 'unauthorized');
    assert.equal(t.snap().nextRefreshAt, undefined);
    await t.timers.advance(3_600_000);
    assert.equal(t.server.count('list'), 2);
    await t.store.refresh('remote');
    assert.deepEqual([t.server.count('list'), t.snap().status.state, t.state.connects.length], [3, 'ready', 2]);
    assert.equal(t.server.closed, 0, 'the replaced client may still carry a command: closed after a grace');
    await t.timers.advance(RETIRE_MS);
    assert.equal(t.server.closed, 1);
  });

  it('a connector without a token: signed-out, no retries; refresh() after signing in connects', async () => {
    const t = setup();
    t.state.connectError = signedOut();
    await t.start();
    assert.deepEqual(t.snap().status, { state: 'signed-out' });
    await t.timers.advance(3_600_000);
    assert.equal(t.state.connects.length, 1);
    await assert.rejects(
      t.store.loadSession('remote', 'p1'),
      (e: BiltError) => e.code === 'unauthorized' && e.details['signedOut'] === true,
    );
    t.state.connectError = undefined;
    await t.store.refresh();
    assert.deepEqual([t.state.connects.length, t.snap().status.state, t.server.count('list')], [2, 'ready', 1]);
  });

  it('signing out (the token removed, then refresh): signed-out, polling stops; dispose closes the replaced client at once', async () => {
    const t = setup();
    t.server.add(1);
    await t.start();
    t.state.connectError = signedOut();
    await t.store.refresh('remote');
    assert.deepEqual(t.snap().status, { state: 'signed-out' });
    await t.timers.advance(10 * 60_000);
    assert.equal(t.server.count('list'), 1, 'nothing polled with the old token');
    assert.equal(t.server.closed, 0, 'within the grace a command may still use it');
    t.store.dispose();
    assert.equal(t.server.closed, 1);
    assert.equal(t.timers.pending, 0);
  });

  it('a connector that cannot reach the server: unreachable, retried with backoff', async () => {
    const t = setup({ options: { retryMs: 1000 } });
    t.state.connectError = unavailable();
    await t.start();
    assert.equal(t.snap().status.state, 'unreachable');
    await t.timers.advance(1000 + 2000);
    assert.equal(t.state.connects.length, 3);
    t.state.connectError = undefined;
    await t.timers.advance(4000);
    assert.deepEqual([t.state.connects.length, t.snap().status.state], [4, 'ready']);
  });

  it('a polled local engine that stops answering is found again through the Connector (it may have moved)', async () => {
    const t = setup({ options: { retryMs: 1000 } });
    t.server.add(1);
    await t.start([{ id: 'local', label: 'Local engine', kind: 'local' }]);
    t.server.failures.push(unavailable());
    await t.timers.advance(60_000);
    assert.deepEqual([t.snap('local').status.state, t.server.closed], ['unreachable', 1]);
    await t.timers.advance(1000);
    assert.deepEqual([t.state.connects.length, t.snap('local').status.state, t.server.count('list')], [2, 'ready', 3]);
  });

  it("a session that cannot be read is that project's error; the server stays ready", async () => {
    const t = setup();
    t.server.add(1);
    await t.start();
    t.server.views.delete('p1');
    await t.timers.advance(5000); // past the active interval: the next load reads
    await assert.rejects(t.store.loadSession('remote', 'p1'), /not found/);
    const s = t.snap();
    assert.deepEqual([s.status.state, s.projects?.[0]?.error?.code], ['ready', 'not_found']);
    t.server.set('p1', 'idle');
    await t.timers.advance(5000);
    await t.store.loadSession('remote', 'p1');
    assert.equal(t.snap().projects?.[0]?.error, undefined, 'a good read clears it');
  });
});
