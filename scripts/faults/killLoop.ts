/**
 * kill -9, over and over: an engine on one data dir, alternately with the emulator (a scenario that
 * asks questions, then builds) and the command agent (runs that ignore their engine dying and keep a
 * child), three clients sending, reading, cancelling and answering, killed with SIGKILL at a random
 * moment. After each restart: every acknowledged call is still there (killVerify.ts), no agent
 * process of a killed engine is left, and an interrupted workflow is resumed.
 */
import path from 'node:path';
import { canSeeProcesses, killProcessesOf, processesOf } from '../../test/support/agentProcesses';
import { startEngine, type EngineProcess } from '../../test/support/engineProcess';
import { TestMcp } from '../../test/support/mcpClient';
import { tempDir } from '../../test/support/tmp';
import { Rng } from './fuzzValues';
import { actor, emptyAcked, type Acked } from './killActors';
import { verifyAcked } from './killVerify';

const FIXTURES = path.resolve(__dirname, '../../test/fixtures');

export interface KillLoopOptions {
  cycles: number;
  seed: number;
  /** Messages re-read and compared after each restart. */
  messageSamples?: number;
  log?: (line: string) => void;
}

export interface KillLoopReport {
  cycles: number;
  seed: number;
  calls: Record<string, number>;
  projects: number;
  workflows: number;
  messagesRead: number;
  messagesCompared: number;
  interruptedWorkflows: number;
  resumed: number;
  /** Processes of a killed engine's agents found after the next engine started. */
  leftoverProcesses: number;
  problems: string[];
  durationMs: number;
}

function engineArgs(dataDir: string, cycle: number): string[] {
  const common = ['--data-dir', dataDir, '--max-concurrent', '8', '--projects-per-hour', '100000'];
  const limits = ['--max-projects', '100000', '--messages-per-hour', '100000'];
  const agent =
    cycle % 2 === 0
      ? ['--agent', 'emulator', '--speed', '1', '--scenario', path.join(FIXTURES, 'faults/kill.json')]
      : [
          '--agent',
          'command',
          '--agent-command',
          `"${process.execPath}" "${path.join(FIXTURES, 'faults/stubborn.cjs')}"`,
        ];
  return [...common, ...limits, ...agent];
}

/** Resumes the interrupted workflow of one session; it runs again (under the same id). */
async function resumeOne(mcp: TestMcp, acked: Acked, sessionIds: string[], rng: Rng): Promise<boolean> {
  if (sessionIds.length === 0) {
    return false;
  }
  const sessionId = rng.pick(sessionIds);
  const r = await mcp.call<{ status: string; workflow_id: string }>('bilt_resume_workflow', { session_id: sessionId });
  acked.workflows.set(r.workflow_id, { sessionId, status: r.status });
  return r.status === 'running' || r.status === 'pending';
}

export async function runKillLoop(o: KillLoopOptions): Promise<KillLoopReport> {
  const started = Date.now();
  const rng = new Rng(o.seed);
  const dataDir = tempDir('bilt-kill-');
  const acked = emptyAcked();
  const report: KillLoopReport = {
    ...{ cycles: o.cycles, seed: o.seed, calls: acked.calls, projects: 0, workflows: 0, messagesRead: 0 },
    ...{ messagesCompared: 0, interruptedWorkflows: 0, resumed: 0, leftoverProcesses: 0, problems: [], durationMs: 0 },
  };
  let engine: EngineProcess | undefined;
  try {
    for (let cycle = 0; cycle <= o.cycles; cycle++) {
      engine = await startEngine(engineArgs(dataDir, cycle));
      if (canSeeProcesses) {
        const left = processesOf(acked.workflows.keys());
        report.leftoverProcesses += left.length;
        if (left.length > 0) {
          report.problems.push(`cycle ${cycle}: ${left.length} agent processes of the killed engine still run`);
        }
      }
      const mcp = await TestMcp.connect(engine.ready.mcpUrl, engine.ready.token);
      const last = cycle === o.cycles;
      const v = await verifyAcked(mcp, acked, rng, last ? 200 : (o.messageSamples ?? 20));
      report.problems.push(...v.problems.map((p) => `cycle ${cycle}: ${p}`));
      Object.assign(report, {
        projects: v.projects,
        workflows: v.workflows,
        interruptedWorkflows: v.interruptedWorkflows,
      });
      report.messagesCompared += v.messages;
      report.resumed += (await resumeOne(mcp, acked, v.interrupted, rng).catch(() => false)) ? 1 : 0;
      await mcp.close();
      if (last) {
        break;
      }
      const stop = new AbortController();
      const clients = await Promise.all(
        [0, 1, 2].map(() => TestMcp.connect(engine!.ready.mcpUrl, engine!.ready.token)),
      );
      const acting = clients.map((c, i) =>
        actor(c, acked, new Rng(o.seed * 1000 + cycle * 10 + i), `k${cycle}-${i}`, stop.signal),
      );
      await new Promise((r) => setTimeout(r, 300 + rng.int(1500))); // the random moment of the kill
      engine.child.kill('SIGKILL');
      await engine.exited;
      stop.abort();
      // a call whose answer stream broke would wait for the SDK's 60 s timeout: closing ends it now
      await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
      await Promise.all(acting);
      o.log?.(
        `kill loop: cycle ${cycle + 1}/${o.cycles}, ${acked.workflows.size} workflows, ${report.problems.length} problems`,
      );
    }
    await engine?.stop();
    if (canSeeProcesses) {
      const left = processesOf(acked.workflows.keys()).length;
      report.leftoverProcesses += left;
      if (left > 0) {
        report.problems.push(`${left} agent processes outlived the last engine's shutdown`);
      }
    }
  } finally {
    await engine?.stop();
    killProcessesOf(acked.workflows.keys());
  }
  report.messagesRead = [...acked.messages.values()].reduce((n, m) => n + m.size, 0);
  report.durationMs = Date.now() - started;
  return report;
}
