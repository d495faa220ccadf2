/**
 * The shared store (src/api/store) against a faulty server: what the tree shows while the server is
 * away or rate limits, and how soon it is live again. Checks as in clientFaults.ts.
 */
import assert from 'node:assert/strict';
import { BiltClient } from '../../src/api/client';
import { BiltStore } from '../../src/api/store/biltStore';
import type { Connector, ServerConfig } from '../../src/api/store/types';
import { FaultProxy } from '../../test/support/faultProxy';
import { until } from '../../test/support/until';
import type { FaultBench } from './clientFaults';

const LOCAL: ServerConfig = { id: 'local', label: 'Local engine', kind: 'local' };

/**
 * The server dies and comes back on another port: the store shows it unreachable (with when it will
 * retry) while it is away, and is ready and live again within 10 s of its return.
 */
export async function serverMoves(b: FaultBench, outageMs: number): Promise<Record<string, number>> {
  const connect: Connector = (_server, signal) =>
    BiltClient.connect({ url: `${b.proxy.url}/mcp`, token: b.token }, signal);
  const store = new BiltStore({ connect });
  const state = () => store.snapshot('local')?.status;
  try {
    store.setServers([LOCAL]);
    await until(() => state()?.state === 'ready' && store.snapshot('local')?.live, 'the store to go live', 10_000);
    await b.proxy.down();
    const away = await until(
      () => (state()?.state === 'unreachable' ? state() : undefined),
      'the store to show the server unreachable',
      10_000,
    );
    assert.ok('retryAt' in away && away.retryAt > 0, 'unreachable says when it retries');
    await new Promise((r) => setTimeout(r, outageMs)); // the outage itself, not a synchronisation
    await b.proxy.up(0);
    const back = Date.now();
    await until(
      () => state()?.state === 'ready' && store.snapshot('local')?.live,
      'the store to be live again',
      30_000,
    );
    const recoveryMs = Date.now() - back;
    assert.ok(recoveryMs <= 10_000, `live again ${recoveryMs} ms after the server returned (outage ${outageMs} ms)`);
    return { outageMs, recoveryMs };
  } finally {
    store.dispose();
  }
}

/**
 * A 429 whose Retry-After is longer than a call waits: the store says rate limited, and until when.
 * Its own proxy (its own origin): the 2-minute pause holds every request to that origin in this process.
 */
export async function rateLimitedState(b: FaultBench): Promise<Record<string, number>> {
  const proxy = await new FaultProxy(b.engineUrl).up(0);
  const connect: Connector = (_server, signal) =>
    BiltClient.connect({ url: `${proxy.url}/mcp`, token: b.token }, signal);
  const store = new BiltStore({ connect });
  try {
    proxy.inject({ kind: 'status', status: 429, retryAfterSeconds: 120 }, 1);
    const started = Date.now();
    store.setServers([LOCAL]);
    const limited = await until(
      () => {
        const s = store.snapshot('local')?.status;
        return s?.state === 'rate-limited' ? s : undefined;
      },
      'the store to show the rate limit',
      10_000,
    );
    const waitS = Math.round((limited.retryAt - started) / 1000);
    assert.ok(waitS >= 110 && waitS <= 130, `rate limited until about 2 minutes from now (${waitS} s)`);
    return { shownRetryInS: waitS };
  } finally {
    store.dispose();
    await proxy.down();
  }
}
