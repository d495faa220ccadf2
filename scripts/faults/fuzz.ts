/**
 * The fuzzer: N generated inputs (fuzzRequests.ts) against one engine, a few at a time, each answered
 * within a bound; then the engine must still serve (its process alive, /engine/info and a tool call
 * answered). Deterministic for a seed. The wire test runs a few hundred; `npm run faults` 10,000.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { startEngine, type EngineProcess } from '../../test/support/engineProcess';
import { TestMcp } from '../../test/support/mcpClient';
import { tempDir } from '../../test/support/tmp';
import type { IdPool } from './fuzzInputs';
import { fuzzRequest, type FuzzRequest } from './fuzzRequests';
import { send, type Answer, type Verdict } from './fuzzTargets';
import { Rng } from './fuzzValues';

export interface FuzzOptions {
  count: number;
  seed: number;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Every request must be answered within this (the engine's waits are cut to 5 s). */
  boundMs?: number;
  log?: (line: string) => void;
}

export interface FuzzReport {
  seed: number;
  inputs: number;
  verdicts: Record<Verdict, number>;
  /** Requests per target (tool or endpoint). */
  targets: Record<string, number>;
  problems: Array<{ request: FuzzRequest; answer: Answer }>;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  durationMs: number;
  stillServing: boolean;
}

const SCENARIO = path.resolve(__dirname, '../../test/fixtures/scenarios/quick.json');

async function fillPool(engine: EngineProcess): Promise<IdPool> {
  const mcp = await TestMcp.connect(engine.ready.mcpUrl, engine.ready.token);
  const pool: IdPool = { projects: [], sessions: [], workflows: [] };
  for (let i = 0; i < 6; i++) {
    const p = await mcp.call<{ id: string }>('bilt_create_project', { name: `fuzz-pool-${i}` });
    const s = await mcp.call<{ session_id: string }>('bilt_get_session', { project_id: p.id });
    pool.projects.push(p.id);
    pool.sessions.push(s.session_id);
    if (i % 2 === 0) {
      const w = await mcp.call<{ workflow_id: string }>('bilt_send_message', {
        session_id: s.session_id,
        message: 'go',
      });
      pool.workflows.push(w.workflow_id);
    }
  }
  await mcp.close();
  return pool;
}

async function stillServing(engine: EngineProcess): Promise<boolean> {
  if (engine.child.exitCode !== null || engine.child.signalCode !== null) {
    return false;
  }
  try {
    const info = await fetch(`${engine.ready.url}/engine/info`, {
      headers: { authorization: `Bearer ${engine.ready.token}` },
      signal: AbortSignal.timeout(5000),
    });
    const mcp = await TestMcp.connect(engine.ready.mcpUrl, engine.ready.token);
    await mcp.call('bilt_create_project', { name: `after-fuzz-${randomUUID().slice(0, 8)}` });
    await mcp.close();
    return info.status === 200;
  } catch {
    return false;
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

export async function runFuzz(o: FuzzOptions): Promise<FuzzReport> {
  const started = Date.now();
  const unlimited = ['--messages-per-hour', '1000000', '--projects-per-hour', '1000000', '--max-projects', '1000000'];
  const engine = await startEngine([
    ...['--data-dir', tempDir('bilt-fuzz-'), '--agent', 'emulator', '--speed', '0', '--scenario', SCENARIO],
    ...['--wait-timeout', '5', ...unlimited],
  ]);
  try {
    const pool = await fillPool(engine);
    const rng = new Rng(o.seed);
    const requests = Array.from({ length: o.count }, () => fuzzRequest(rng, pool));
    const report: FuzzReport = {
      seed: o.seed,
      inputs: o.count,
      verdicts: { ok: 0, hang: 0, crash: 0, '5xx': 0, internal: 0, echo: 0 },
      targets: {},
      problems: [],
      p50Ms: 0,
      p99Ms: 0,
      maxMs: 0,
      durationMs: 0,
      stillServing: false,
    };
    const times: number[] = [];
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < requests.length; i = next++) {
        const request = requests[i]!;
        const answer = await send(engine.ready, request, o.boundMs ?? 15_000);
        report.verdicts[answer.verdict]++;
        report.targets[request.target] = (report.targets[request.target] ?? 0) + 1;
        times.push(answer.ms);
        if (answer.verdict !== 'ok') {
          report.problems.push({ request: { ...request, body: request.body?.slice(0, 200) }, answer });
        }
        if ((i + 1) % 1000 === 0) {
          o.log?.(`fuzz: ${i + 1}/${requests.length}`);
        }
      }
    };
    await Promise.all(Array.from({ length: o.concurrency ?? 6 }, worker));
    times.sort((a, b) => a - b);
    Object.assign(report, {
      p50Ms: percentile(times, 0.5),
      p99Ms: percentile(times, 0.99),
      maxMs: times.at(-1) ?? 0,
      stillServing: await stillServing(engine),
      durationMs: Date.now() - started,
    });
    return report;
  } finally {
    await engine.stop();
  }
}
