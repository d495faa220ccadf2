/**
 * Nothing is lost: SIGKILL the engine while workflows are busy writing, restart it, and check that
 * every change a client was told about (created projects, started workflows, every message a read
 * returned, completed results) is still there, that the log continues cleanly, and that the workflows
 * that were running are failed as interrupted and can be resumed.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { startEngine, type EngineProcess } from '../support/engineProcess';
import { TestMcp } from '../support/mcpClient';
import { tempDir } from '../support/tmp';
import { until } from '../support/until';

const BUSY = path.resolve(__dirname, '../fixtures/crash/busy.cjs');

interface SeenMessage {
  id: string;
  seq: number;
  message: string;
}
interface Page {
  messages: SeenMessage[];
  total: number;
}
interface Acked {
  projects: Map<string, string>; // id → name
  completed: Map<string, { sessionId: string; workflowId: string; total: number }>;
  busy: Map<string, string>; // sessionId → workflowId
  seen: Map<string, Map<number, SeenMessage>>; // sessionId → seq → message
}

function engineArgs(dataDir: string): string[] {
  return [
    '--data-dir',
    dataDir,
    '--agent',
    'command',
    '--agent-command',
    `"${process.execPath}" "${BUSY}"`,
    '--max-concurrent',
    '8',
    '--projects-per-hour',
    '1000',
  ];
}

async function startSend(mcp: TestMcp, projectId: string, message: string, wait: boolean) {
  const s = await mcp.call<{ session_id: string }>('bilt_get_session', { project_id: projectId });
  const r = await mcp.call<{ workflow_id: string; status: string }>('bilt_send_message', {
    session_id: s.session_id,
    message,
    wait_for_response: wait,
  });
  return { sessionId: s.session_id, workflowId: r.workflow_id, status: r.status };
}

async function busyRound(engine: EngineProcess, round: number, acked: Acked): Promise<void> {
  const mcp = await TestMcp.connect(engine.ready.mcpUrl, engine.ready.token);
  // one short workflow that completes before the kill
  const quick = await mcp.call<{ id: string; name: string }>('bilt_create_project', { name: `quick-${round}` });
  acked.projects.set(quick.id, quick.name);
  const q = await startSend(mcp, quick.id, 'lines=120', true);
  assert.equal(q.status, 'completed');
  const qPage = await mcp.call<Page>('bilt_get_messages', { session_id: q.sessionId, limit: 1 });
  acked.completed.set(quick.id, { sessionId: q.sessionId, workflowId: q.workflowId, total: qPage.total });
  // three busy workflows still writing when the engine dies
  const busyNow: string[] = [];
  for (let i = 0; i < 3; i++) {
    const p = await mcp.call<{ id: string; name: string }>('bilt_create_project', { name: `busy-${round}-${i}` });
    acked.projects.set(p.id, p.name);
    const b = await startSend(mcp, p.id, 'lines=5000000', false);
    assert.equal(b.status, 'running');
    acked.busy.set(b.sessionId, b.workflowId);
    busyNow.push(b.sessionId);
  }
  // read what they wrote; every message a read returned counts as acknowledged
  for (const sessionId of busyNow) {
    const seen = acked.seen.get(sessionId) ?? new Map<number, SeenMessage>();
    acked.seen.set(sessionId, seen);
    await until(
      async () => {
        const page = await mcp.call<Page>('bilt_get_messages', { session_id: sessionId, limit: 100 });
        for (const m of page.messages) {
          seen.set(m.seq, m);
        }
        return page.total > 300;
      },
      'busy output',
      20_000,
    );
  }
  // keep writing through the kill: a create whose answer never arrives is not acknowledged
  const inFlight = mcp.call<{ id: string; name: string }>('bilt_create_project', { name: `late-${round}` }).then(
    (p) => acked.projects.set(p.id, p.name),
    () => undefined,
  );
  engine.child.kill('SIGKILL');
  assert.equal(await engine.exited, 'SIGKILL');
  await inFlight;
  await mcp.close().catch(() => undefined);
}

async function verify(engine: EngineProcess, acked: Acked): Promise<void> {
  const mcp = await TestMcp.connect(engine.ready.mcpUrl, engine.ready.token);
  const { projects } = await mcp.call<{ projects: Array<{ id: string; name: string }> }>('bilt_list_projects');
  const byId = new Map(projects.map((p) => [p.id, p.name]));
  for (const [id, name] of acked.projects) {
    assert.equal(byId.get(id), name, `acknowledged project ${name} is there`);
  }
  for (const [projectId, c] of acked.completed) {
    const s = await mcp.call<{ status: string; workflow_id: string }>('bilt_get_session', { project_id: projectId });
    assert.equal(s.workflow_id, c.workflowId);
    assert.equal(s.status, 'completed', 'a completed workflow stays completed');
    const page = await mcp.call<Page>('bilt_get_messages', { session_id: c.sessionId, limit: 1 });
    assert.equal(page.total, c.total, 'a finished transcript keeps every message');
  }
  for (const [sessionId, workflowId] of acked.busy) {
    const s = await mcp.call<{
      status: string;
      workflows: Array<{ workflow_id: string; status: string; interrupted: boolean }>;
    }>('bilt_get_session', { session_id: sessionId });
    const w = s.workflows.find((x) => x.workflow_id === workflowId)!;
    assert.ok(w, 'the acknowledged workflow exists');
    assert.ok(
      w.status === 'failed' && w.interrupted,
      `a workflow running at the crash is failed as interrupted (got ${w.status})`,
    );
    const seen = acked.seen.get(sessionId) ?? new Map<number, SeenMessage>();
    const first = await mcp.call<Page>('bilt_get_messages', { session_id: sessionId, limit: 1 });
    const maxSeen = Math.max(0, ...seen.keys());
    assert.ok(first.total >= maxSeen, `all ${maxSeen} messages read before the crash survive (total ${first.total})`);
    assert.match(
      first.messages[0]!.message,
      /^Interrupted: the engine stopped while the workflow was running/,
      'the newest message says why it stopped',
    );
    for (const [seq, m] of seen) {
      const got = await mcp.call<Page>('bilt_get_messages', {
        session_id: sessionId,
        limit: 1,
        offset: first.total - seq,
      });
      assert.deepEqual(
        got.messages[0],
        { ...got.messages[0], id: m.id, seq, message: m.message },
        `message ${seq} is unchanged`,
      );
    }
  }
  await mcp.close();
}

describe('crash: SIGKILL during busy workflows loses nothing acknowledged', function () {
  this.timeout(120_000);

  it('survives repeated kills, then resumes an interrupted workflow', async () => {
    const dataDir = tempDir();
    const acked: Acked = { projects: new Map(), completed: new Map(), busy: new Map(), seen: new Map() };
    for (let round = 0; round < 3; round++) {
      const engine = await startEngine(engineArgs(dataDir));
      if (round > 0) {
        await verify(engine, acked);
      }
      await busyRound(engine, round, acked);
    }
    const engine = await startEngine(engineArgs(dataDir));
    try {
      await verify(engine, acked);
      const mcp = await TestMcp.connect(engine.ready.mcpUrl, engine.ready.token);
      const [sessionId, workflowId] = [...acked.busy][0]!;
      // the busy command would run for long: cancel the re-run once it is running again
      const resumed = await mcp.call<{ status: string; workflow_id: string }>('bilt_resume_workflow', {
        session_id: sessionId,
      });
      assert.deepEqual([resumed.workflow_id, resumed.status], [workflowId, 'running']);
      const cancelled = await mcp.call<{ status: string }>('bilt_cancel_workflow', {
        session_id: sessionId,
        reason: 'test over',
      });
      assert.equal(cancelled.status, 'cancelled');
      await mcp.close();
    } finally {
      assert.equal(await engine.stop(), 0, 'a clean SIGTERM shutdown exits 0');
    }
  });
});
