/**
 * Load for the engine throughput benchmark: N calls kept in flight until a count is done, timed; an
 * engine in this process with an agent that finishes at once; the same calls through MCP over HTTP
 * against dist/engine.js.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Engine } from '../../src/engine/engine';
import type { Agent } from '../../src/engine/agents/types';
import { TestMcp } from '../../test/support/mcpClient';
import { startEngine } from './engineProcess';

/** Throughput (calls/s) of `total` calls with `inFlight` at a time, and each call's latency (ms). */
export async function inFlight(
  inFlightCount: number,
  total: number,
  call: (i: number) => Promise<unknown>,
): Promise<{ perSecond: number; latencies: number[] }> {
  let next = 0;
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: inFlightCount }, async () => {
      while (next < total) {
        const i = next++;
        const started = performance.now();
        await call(i);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return { perSecond: total / ((performance.now() - t0) / 1000), latencies };
}

/** An agent whose workflows complete as soon as they start. */
export const instantAgent: Agent = {
  name: 'instant',
  start: () => ({ done: Promise.resolve({ status: 'completed' }) }),
};

const NO_LIMITS = { maxProjects: 1_000_000, projectsPerHour: 1_000_000, messagesPerHourPerProject: 1_000_000 };

export function openEngine(dataDir: string): Promise<Engine> {
  return Engine.open({ dataDir, agent: instantAgent, limits: NO_LIMITS, maxConcurrent: 8 });
}

/** dist/engine.js with an emulator scenario that completes at once, and MCP clients to it. */
export async function engineOverMcp(dataDir: string, clients: number) {
  const scenario = path.join(dataDir, 'instant.json');
  writeFileSync(scenario, JSON.stringify({ name: 'instant', steps: [{ name: 'Done', duration: 0, progress: 100 }] }));
  const limits = ['--max-projects', '1000000', '--projects-per-hour', '1000000', '--messages-per-hour', '1000000'];
  const engine = await startEngine(dataDir, [
    '--agent',
    'emulator',
    '--scenario',
    scenario,
    '--speed',
    '0',
    '--max-concurrent',
    '8',
    ...limits,
  ]);
  const mcps = await Promise.all(
    Array.from({ length: clients }, () => TestMcp.connect(engine.ready.mcpUrl, engine.ready.token)),
  );
  return {
    mcps,
    close: async () => {
      await Promise.all(mcps.map((m) => m.close()));
      await engine.stop();
    },
  };
}
