/**
 * The client against a faulty server: the engine behind a fault-injecting proxy (test/support/faultProxy.ts).
 * Each check drives the real client (BiltClient; storeFaults.ts: the shared store, for what the tree
 * shows) and returns its numbers, or throws what went wrong. The wire test runs each once; `npm run
 * faults` runs them over and over and reports the numbers (docs/RELIABILITY.md).
 */
import assert from 'node:assert/strict';
import { BiltClient } from '../../src/api/client';
import type { SessionRef } from '../../src/api/backend';
import { isBiltError } from '../../src/core/errors';
import { FaultProxy } from '../../test/support/faultProxy';

export interface FaultBench {
  proxy: FaultProxy;
  engineUrl: string;
  token: string;
  /** A client of the engine through the proxy (seed contract). */
  client(): Promise<BiltClient>;
  close(): Promise<void>;
}

export async function faultBench(engineUrl: string, token: string): Promise<FaultBench> {
  const proxy = await new FaultProxy(engineUrl).up(0);
  const clients: BiltClient[] = [];
  return {
    proxy,
    engineUrl,
    token,
    async client() {
      const c = await BiltClient.connect({ url: `${proxy.url}/mcp`, token });
      clients.push(c);
      return c;
    },
    async close() {
      await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
      await proxy.down();
    },
  };
}

const timed = async <T>(work: () => Promise<T>) => {
  const start = Date.now();
  const value = await work();
  return { value, ms: Date.now() - start };
};

let names = 0;
async function idleRef(c: BiltClient): Promise<SessionRef> {
  const p = await c.backend.createProject({ name: `faults-${process.pid}-${Date.now()}-${names++}` });
  const v = await c.backend.getSession({ projectId: p.id });
  return { projectId: p.id, sessionId: v.session.id };
}

/** 429 with Retry-After (`times` in a row): a read waits as told, then succeeds (the client backs off, nothing fails). */
export async function rateLimitedRead(b: FaultBench, times = 2): Promise<Record<string, number>> {
  const c = await b.client();
  b.proxy.inject({ kind: 'status', status: 429, retryAfterSeconds: 1 }, times);
  const { ms } = await timed(() => c.backend.listProjects());
  assert.ok(ms >= times * 1000 - 100, `the client waited as told (${times} × Retry-After: 1), took ${ms} ms`);
  assert.ok(ms < times * 1000 + 6000, `the read came through soon after, took ${ms} ms`);
  return { [`readAfter${times}x429Ms`]: ms };
}

/** 500s and dropped connections: a read is retried and succeeds; a send is never made twice. */
export async function failuresDoNotDuplicateSends(b: FaultBench): Promise<Record<string, number>> {
  const c = await b.client();
  b.proxy.inject({ kind: 'status', status: 500 }, 2);
  const read = await timed(() => c.backend.listProjects());
  b.proxy.inject({ kind: 'drop' }, 2);
  const dropped = await timed(() => c.backend.listProjects());
  const outcomes: string[] = [];
  for (const fault of [{ kind: 'status', status: 500 }, { kind: 'drop' }, { kind: 'dropAfterForward' }] as const) {
    const ref = await idleRef(c);
    const before = b.proxy.calls('bilt_send_message');
    b.proxy.inject(fault);
    const sent = await c.backend.sendMessage(ref, 'build once').then(
      () => 'sent',
      (e: unknown) => (isBiltError(e) ? e.code : String(e)),
    );
    outcomes.push(`${fault.kind}:${sent}`);
    const reached = b.proxy.calls('bilt_send_message') - before;
    assert.ok(reached <= 1, `${fault.kind}: the send reached the engine ${reached} times`);
    const workflows = (await c.backend.getSession(ref)).workflows.length;
    assert.equal(workflows, reached, `${fault.kind}: ${workflows} workflows for ${reached} sends that arrived`);
  }
  assert.deepEqual(outcomes, ['status:unavailable', 'drop:unavailable', 'dropAfterForward:unavailable']);
  return { readAfterTwo500sMs: read.ms, readAfterTwoDropsMs: dropped.ms };
}

/**
 * The connection breaks while the answer streams (the engine answered; the proxy cut it mid-SSE): the
 * call fails at once as unavailable instead of waiting for the SDK's timeout (2 min for a read).
 */
export async function brokenAnswerStream(b: FaultBench): Promise<Record<string, number>> {
  const c = await b.client();
  b.proxy.inject({ kind: 'cutStream' });
  const read = await timed(() =>
    c.backend.listProjects().then(
      () => 'answered',
      (e: unknown) => (isBiltError(e) ? e.code : String(e)),
    ),
  );
  assert.equal(read.value, 'unavailable');
  assert.ok(read.ms < 5000, `the broken read failed after ${read.ms} ms`);
  const ref = await idleRef(c);
  const before = b.proxy.calls('bilt_send_message');
  b.proxy.inject({ kind: 'cutStream' });
  const sent = await timed(() =>
    c.backend.sendMessage(ref, 'once').then(
      () => 'sent',
      (e: unknown) => (isBiltError(e) ? e.code : String(e)),
    ),
  );
  assert.equal(sent.value, 'unavailable');
  assert.equal(b.proxy.calls('bilt_send_message') - before, 1, 'the send reached the engine once');
  assert.equal((await c.backend.getSession(ref)).workflows.length, 1, 'one workflow: the send was not repeated');
  return { brokenReadFailsAfterMs: read.ms, brokenSendFailsAfterMs: sent.ms };
}

/** A slow server (every request delayed): calls take longer and still succeed, nothing times out. */
export async function slowServer(b: FaultBench, delayMs = 1500): Promise<Record<string, number>> {
  const c = await b.client();
  b.proxy.delayMs = delayMs;
  try {
    const ref = await idleRef(c);
    const { ms } = await timed(() => c.backend.sendMessage(ref, 'build slowly'));
    assert.ok(ms >= delayMs, `the send went through the delay (${ms} ms)`);
    return { sendThroughDelayMs: ms };
  } finally {
    b.proxy.delayMs = 0;
  }
}
