/** Message and workflow history on disk: read through the archive, across compactions and restarts. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Message } from '../../../../src/core/model';
import { Engine } from '../../../../src/engine/engine';
import { compactState, openEngineState } from '../../../../src/engine/service/openState';
import { ScriptedAgent } from '../../../support/scriptedAgent';
import { tempDir } from '../../../support/tmp';
import { TestClock } from './fixture';

const LIMITS = { projectsPerHour: 1000, messagesPerHourPerProject: 1000 };

/** An engine that compacts after every commit, so history moves to the archive all the time. */
async function openCompacting(
  dataDir: string,
  agent = new ScriptedAgent(),
  clock = new TestClock(),
  compactAfterBytes = 1,
) {
  const engine = await Engine.open({ dataDir, agent, clock, limits: LIMITS, compactAfterBytes });
  const messages: Message[] = [];
  engine.bus.subscribe({}, (e) => e.type === 'message' && messages.push(e.message));
  return { engine, svc: engine.service, agent, messages };
}

/** Runs `count` workflows in the session, each with three messages from the agent. */
async function runWorkflows(e: Awaited<ReturnType<typeof openCompacting>>, sessionId: string, count: number) {
  const ids: string[] = [];
  for (let k = 0; k < count; k++) {
    const index = e.agent.runs.length;
    const w = await e.svc.sendMessage(sessionId, `step ${k}`);
    const run = await e.agent.run(index);
    for (const part of ['plan', 'build', 'test']) {
      run.ctx.say(`${part} of step ${k}`);
    }
    run.complete();
    await e.svc.wait(w.id);
    ids.push(w.id);
  }
  return ids;
}

function assertPages(svc: Engine['service'], sessionId: string, all: Message[]): void {
  const total = all.length;
  assert.equal(svc.session(sessionId).messageCount, total);
  const pages: [number, number][] = [
    [1, 0],
    [7, 0],
    [10, 13],
    [100, 0],
    [3, total - 2],
    [5, total],
  ];
  for (const [limit, offset] of pages) {
    const page = svc.messages(sessionId, limit, offset);
    const end = Math.max(0, total - offset);
    const expected = all.slice(Math.max(0, end - limit), end).reverse();
    assert.deepEqual(page.messages, expected, `newest first, limit ${limit} offset ${offset}`);
    assert.equal(page.total, total);
  }
  const cursors: [number, number][] = [
    [0, 100],
    [17, 9],
    [total - 1, 5],
    [total, 5],
  ];
  for (const [after, limit] of cursors) {
    const page = svc.messagesAfter(sessionId, after, limit);
    assert.deepEqual(page.messages, all.slice(after, after + limit), `after ${after}`);
    assert.equal(page.hasMore, after + limit < total);
  }
}

describe('engine state: history on disk', () => {
  it('pages messages newest first and by seq cursor across compactions and restarts, keeping little in memory', async () => {
    const dataDir = tempDir();
    const e = await openCompacting(dataDir);
    const p = await e.svc.createProject({ name: 'long' });
    const s = await e.svc.findSession({ projectId: p.id });
    await runWorkflows(e, s.id, 12);
    const all = e.messages.filter((m) => m.sessionId === s.id);
    assert.equal(all.length, 12 * 5);
    assertPages(e.svc, s.id, all);
    await e.engine.close();
    const files = readdirSync(path.join(dataDir, 'state'));
    assert.ok(
      files.some((n) => n.startsWith('archive-')),
      files.join(' '),
    );
    const { store, state } = await openEngineState(dataDir, () => undefined);
    const row = state.tables.sessions.get(s.id)!;
    assert.deepEqual([row.messages.recent.length, row.messages.archived, row.workflowIds.length], [0, 60, 1]);
    await store.close();
    const again = await openCompacting(dataDir);
    assertPages(again.svc, s.id, all);
    await again.engine.close();
  });

  it('shows a session’s latest 20 workflows, newest first, reading the older ones from the archive', async () => {
    const dataDir = tempDir();
    const e = await openCompacting(dataDir);
    const s = await e.svc.findSession({ projectId: (await e.svc.createProject({ name: 'many' })).id });
    const ids = await runWorkflows(e, s.id, 24);
    const expected = ids.slice(-20).reverse();
    assert.deepEqual(
      e.svc.workflows(s.id).map((w) => w.id),
      expected,
    );
    await e.engine.close();
    const again = await openCompacting(dataDir);
    const shown = again.svc.workflows(s.id);
    assert.deepEqual(
      shown.map((w) => [w.id, w.status]),
      expected.map((id) => [id, 'completed']),
    );
    assert.equal(again.svc.latestWorkflow(s.id)?.id, ids.at(-1));
    await again.engine.close();
  });

  it('a deleted session’s messages leave the disk at the next compaction; the others stay readable', async () => {
    const dataDir = tempDir();
    const e = await openCompacting(dataDir, new ScriptedAgent(), new TestClock(), 2 ** 40);
    const secret = await e.svc.createSession({ agentId: 'SCRIPTED', taskId: 'secret', prompt: 'SECRET-marker-1' });
    (await e.agent.run(0)).ctx.say('SECRET-marker-2');
    (await e.agent.run(0)).complete();
    await e.svc.wait(e.svc.session(secret.id).workflowId!);
    const kept = await e.svc.createSession({ agentId: 'SCRIPTED', taskId: 'kept', prompt: 'keep me' });
    await e.engine.close();
    // one archive file holding both sessions' history, so the deletion has to rewrite it
    const opened = await openEngineState(dataDir, () => undefined);
    await compactState(opened.store, opened.state);
    await opened.store.close();
    const archives = () => readdirSync(path.join(dataDir, 'state')).filter((n) => n.startsWith('archive-'));
    const before = archives();
    assert.equal(before.length, 1);
    const second = await openCompacting(dataDir);
    await second.svc.deleteSession(secret.id, true);
    await second.svc.createProject({ name: 'after-delete' }); // one more commit, so a compaction runs
    await second.engine.close();
    assert.ok(!archives().includes(before[0]!), 'the file that held it was rewritten');
    const stateDir = path.join(dataDir, 'state');
    for (const name of readdirSync(stateDir).filter((n) => !n.startsWith('damaged'))) {
      assert.ok(!readFileSync(path.join(stateDir, name), 'latin1').includes('SECRET-marker'), `${name} still holds it`);
    }
    const third = await openCompacting(dataDir);
    assert.equal(third.svc.messages(kept.id, 10).messages.at(-1)?.text, 'keep me');
    assert.equal(third.svc.peekSessionExists(secret.id), false);
    await third.engine.close();
  });

  it('the Session API’s send answers with its message after the history moved to the archive', async () => {
    const dataDir = tempDir();
    const e = await openCompacting(dataDir);
    const s = await e.svc.createSession({ agentId: 'SCRIPTED', prompt: 'first' });
    (await e.agent.run(0)).complete();
    await e.svc.wait(e.svc.session(s.id).workflowId!);
    const { message, workflow } = await e.svc.sendSessionMessage(s.id, 'second');
    assert.deepEqual([message.text, message.workflowId, message.seq], ['second', workflow.id, 3]);
    await e.engine.close();
  });
});
