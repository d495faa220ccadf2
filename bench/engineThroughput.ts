/**
 * Engine throughput with 1,000 sessions and 100,000 stored messages: durable messages per second
 * through the one commit path, acknowledged sends and project creations at 1 and 8 calls in flight
 * (in process, and through MCP over HTTP as the comparison).
 */
import { randomUUID } from 'node:crypto';
import { EventBus } from '../src/engine/events/eventBus';
import { Committer } from '../src/engine/service/committer';
import { openEngineState } from '../src/engine/service/openState';
import { buildDataDir, removeDir, tempDataDir } from './lib/engineData';
import { engineOverMcp, inFlight, openEngine } from './lib/engineLoad';
import type { Bench, Figure } from './lib/types';
import { stats } from './lib/types';

const text = 'Compiled the sign-in screen and ran its tests: 12 passed.';

/** Messages committed one per call (as an agent's say() commits them), durable when the call returns. */
async function durableMessages(dataDir: string, sessionIds: string[], n: number, total: number, runs: number) {
  const { store, state } = await openEngineState(dataDir, () => undefined);
  const committer = new Committer(store, state, new EventBus(), {
    compactAfterBytes: 8 * 1024 * 1024,
    onFatal: () => undefined,
    log: () => undefined,
  });
  const rates: number[] = [];
  for (let r = 0; r < runs; r++) {
    const { perSecond } = await inFlight(n, total, (i) => {
      const sessionId = sessionIds[i % sessionIds.length]!;
      const message = {
        id: randomUUID(),
        sessionId,
        workflowId: null,
        seq: 1,
        side: 'ai' as const,
        variant: 'info' as const,
        text,
        createdAt: new Date().toISOString(),
      };
      return committer.commit([{ type: 'message.appended', message }]);
    });
    rates.push(perSecond);
  }
  await committer.idle();
  await store.close();
  return stats(rates);
}

const rateFigure = (
  name: string,
  s: { median: number; p95: number },
  samples: number,
  goal?: [string, boolean],
  note?: string,
): Figure => ({
  name,
  unit: 'calls/s',
  median: s.median,
  samples,
  ...(goal ? { goal: goal[0], met: goal[1] } : {}),
  note,
});

export const engineThroughput: Bench = {
  title: 'Engine: durable writes, sends and project creation under load',
  method:
    'A data dir of 1,000 sessions with 100,000 stored messages (quick: 200 and 10,000), fsync on. Durable ' +
    'messages: one message per commit, as an agent reports them, with 1 and 8 commits in flight. Sends: ' +
    '`sendMessage` round-robin over the sessions (acknowledged = durable and started; an agent that finishes at ' +
    'once), and `createProject`, each with 1 and 8 calls in flight, in the engine’s process; the comparison ' +
    'makes the same calls as MCP tools over HTTP to dist/engine.js. Medians of several runs; p95 in the notes.',
  async run(o) {
    const projects = o.quick ? 200 : 1000;
    const runs = o.quick ? 2 : 5;
    const dataDir = tempDataDir();
    const figures: Figure[] = [];
    try {
      const { sessionIds } = await buildDataDir(dataDir, {
        projects,
        messages: projects * 100,
        messagesPerWorkflow: 10,
      });
      for (const n of [1, 8]) {
        const s = await durableMessages(dataDir, sessionIds, n, o.quick ? 1000 : 4000, runs);
        const goal: [string, boolean] | undefined = n === 8 ? ['≥ 5,000/s', s.median >= 5000] : undefined;
        figures.push(rateFigure(`durable messages/s, ${n} in flight`, s, runs, goal));
      }
      const engine = await openEngine(dataDir);
      const svc = engine.service;
      const perCall = o.quick ? 300 : 1500;
      let made = 0;
      const inProcess: Record<string, { median: number; p95: number; p95ms: number }> = {};
      for (const n of [1, 8]) {
        const sends: number[] = [];
        const creates: number[] = [];
        const latencies: number[] = [];
        for (let r = 0; r < runs; r++) {
          const base = r * perCall;
          const send = await inFlight(n, perCall, (i) =>
            svc.sendMessage(sessionIds[(base + i) % sessionIds.length]!, `step ${i}`),
          );
          sends.push(send.perSecond);
          latencies.push(...send.latencies);
          creates.push((await inFlight(n, 100, () => svc.createProject({ name: `bench-${made++}` }))).perSecond);
        }
        inProcess[`send${n}`] = { ...stats(sends), p95ms: stats(latencies).p95 };
        inProcess[`create${n}`] = { ...stats(creates), p95ms: NaN };
      }
      await engine.close();
      const mcp = await overMcp(dataDir, sessionIds, o.quick ? 100 : 400);
      for (const n of [1, 8]) {
        const send = inProcess[`send${n}`]!;
        const sendGoal: [string, boolean] | undefined = n === 8 ? ['≥ 1,000/s', send.median >= 1000] : undefined;
        figures.push({
          ...rateFigure(
            `acknowledged sends/s, ${n} in flight`,
            send,
            runs,
            sendGoal,
            `p95 latency ${send.p95ms.toFixed(1)} ms`,
          ),
          comparison: { name: 'through MCP over HTTP', median: mcp[`send${n}`]! },
        });
        const create = inProcess[`create${n}`]!;
        const faster = n === 8 ? inProcess['create8']!.median / inProcess['create1']!.median : 0;
        figures.push({
          ...rateFigure(
            `project creations/s, ${n} in flight`,
            create,
            runs,
            n === 8 ? ['≥ 2× the rate at 1 in flight', faster >= 2] : undefined,
            n === 8 ? `${faster.toFixed(1)}× the rate at 1 in flight` : undefined,
          ),
          comparison: { name: 'through MCP over HTTP', median: mcp[`create${n}`]! },
        });
      }
    } finally {
      removeDir(dataDir);
    }
    return figures;
  },
};

async function overMcp(dataDir: string, sessionIds: string[], total: number): Promise<Record<string, number>> {
  const { mcps, close } = await engineOverMcp(dataDir, 8);
  const out: Record<string, number> = {};
  let made = 0;
  try {
    for (const n of [1, 8]) {
      const send = await inFlight(n, total, (i) =>
        mcps[i % n]!.call('bilt_send_message', {
          session_id: sessionIds[(n * total + i) % sessionIds.length],
          message: `step ${i}`,
        }),
      );
      out[`send${n}`] = send.perSecond;
      const create = await inFlight(n, total / 2, (i) =>
        mcps[i % n]!.call('bilt_create_project', { name: `mcp-${made++}` }),
      );
      out[`create${n}`] = create.perSecond;
    }
  } finally {
    await close();
  }
  return out;
}
