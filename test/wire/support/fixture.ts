/**
 * One engine per describe: `const t = useEngine({...})` starts it (with a seed and a live client) in a
 * `before` hook and stops it in an `after` hook. Small helpers for projects and sessions on top.
 */
import { randomUUID } from 'node:crypto';
import { until } from '../../support/until';
import { connectLive, connectSeed, type LiveClient, type SeedClient } from './mcp';
import { startEngine, type EngineOptions, type RunningEngine } from './engine';

export interface EngineFixture {
  engine: RunningEngine;
  seed: SeedClient;
  live: LiveClient;
}

export function useEngine(options: EngineOptions = {}): EngineFixture {
  const t = {} as EngineFixture;
  before(async function () {
    this.timeout(20_000);
    t.engine = await startEngine(options);
    t.seed = await connectSeed(t.engine.ready);
    t.live = await connectLive(t.engine.ready);
  });
  after(async function () {
    this.timeout(10_000);
    await t.seed?.close().catch(() => undefined);
    await t.live?.close().catch(() => undefined);
    await t.engine?.stop();
  });
  return t;
}

/** A fresh, unique project name (names are unique per engine). */
export const uniqueName = (prefix = 'app') => `${prefix}-${randomUUID().slice(0, 8)}`;

/** Creates a project through the seed contract and returns it with its (idle, new) session id. */
export async function newSession(
  seed: SeedClient,
  name = uniqueName(),
): Promise<{ projectId: string; sessionId: string }> {
  const p = await seed.call('bilt_create_project', { name });
  const s = await seed.call('bilt_get_session', { project_id: p.id });
  return { projectId: p.id, sessionId: s.session_id };
}

/** Polls bilt_get_session (bounded) until the session reaches one of the statuses. */
export async function sessionReaches(seed: SeedClient, sessionId: string, statuses: string[], timeoutMs = 10_000) {
  return until(
    async () => {
      const s = await seed.call('bilt_get_session', { session_id: sessionId });
      return statuses.includes(s.status) && s;
    },
    `session ${sessionId} to reach ${statuses.join('/')}`,
    timeoutMs,
  );
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
