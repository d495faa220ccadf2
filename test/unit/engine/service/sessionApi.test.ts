/**
 * The Session API's records in the engine's one state: created with agent, task, prompt and data,
 * updated (data merged), deleted (workflows and messages gone, the project's current session moves
 * back), all recovered from the log and from a snapshot, and a snapshot written before these fields
 * existed still opens. Refused requests store nothing; the hourly limit outlives a deletion.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Engine } from '../../../../src/engine/engine';
import { planCompaction } from '../../../../src/engine/state/compaction';
import { NO_ARCHIVE } from '../../../../src/engine/state/history';
import { StateSnapshot } from '../../../../src/engine/state/snapshots';
import { stateFromSnapshot } from '../../../../src/engine/state/stateSnapshot';
import { ArchiveBuilder } from '../../../../src/engine/store/archive';
import { ScriptedAgent } from '../../../support/scriptedAgent';
import { openFixture, refusal, type Fixture } from './fixture';

describe('engine service: Session API sessions in the one state', () => {
  let f: Fixture;
  afterEach(() => f?.close());

  it('creates, updates and deletes sessions; all of it is recovered after a restart', async () => {
    f = await openFixture();
    const svc = f.engine.service;
    assert.equal(svc.defaultAgentId, 'SCRIPTED');
    const a = await svc.createSession({ agentId: 'scripted', taskId: 'Shop', data: { a: 1, gone: null } });
    const b = await svc.createSession({ agentId: 'SCRIPTED', taskId: 'shop', prompt: 'Build' });
    (await f.agent.run(0)).complete('https://shop.test');
    await svc.wait(b.workflowId!);
    await svc.updateSession(a.id, { data: { a: null, b: 2 }, prompt: 'Later' });
    const c = await svc.createSession({ agentId: 'SCRIPTED', taskId: 'shop' });
    assert.deepEqual([a.projectId, c.projectId], [b.projectId, b.projectId], 'one project, case-insensitively');
    assert.equal((await svc.findSession({ projectId: a.projectId })).id, c.id, 'the newest is current');
    await svc.deleteSession(c.id, false);
    await svc.deleteSession(b.id, false);
    assert.equal((await svc.findSession({ projectId: a.projectId })).id, a.id, 'current falls back to the newest left');

    f = await f.reopen();
    const again = f.engine.service;
    assert.deepEqual(
      again.listSessions({}).map((s) => [s.id, s.agentId, s.taskId, s.prompt, s.data]),
      [[a.id, 'SCRIPTED', 'Shop', 'Later', { b: 2 }]],
    );
    assert.equal(again.workflow(b.workflowId!), undefined, 'the deleted session’s workflows are gone');
    assert.equal(again.peekSessionExists(b.id), false);
    assert.equal((await again.findSession({ projectId: a.projectId })).id, a.id);
    assert.equal(again.listProjects().length, 1, 'the project stays');
  });

  it('a snapshot keeps the new fields and the hourly message times of deleted sessions', async () => {
    f = await openFixture({ limits: { messagesPerHourPerProject: 2 } });
    const first = await f.engine.service.createSession({ agentId: 'SCRIPTED', taskId: 'limited', prompt: 'One' });
    (await f.agent.run(0)).complete();
    await f.engine.service.wait(first.workflowId!);
    await f.engine.service.updateSession(first.id, { data: { model: 'm1' } });
    const second = await f.engine.service.createSession({ agentId: 'SCRIPTED', taskId: 'limited', prompt: 'Two' });
    (await f.agent.run(1)).complete();
    await f.engine.service.wait(second.workflowId!);
    await f.engine.service.deleteSession(second.id, false);
    await f.close();

    const compacting = await Engine.open({ dataDir: f.dataDir, agent: new ScriptedAgent(), compactAfterBytes: 1 });
    await compacting.service.updateSession(first.id, { prompt: 'Compacted' });
    await compacting.close();
    assert.ok(readdirSync(path.join(f.dataDir, 'state')).includes('snapshot.json'));

    f = await openFixture({ dataDir: f.dataDir, limits: { messagesPerHourPerProject: 2 } });
    const kept = f.engine.service.session(first.id);
    assert.deepEqual(
      [kept.agentId, kept.taskId, kept.prompt, kept.data],
      ['SCRIPTED', 'limited', 'Compacted', { model: 'm1' }],
    );
    const limited = await refusal(f.engine.service.sendSessionMessage(first.id, 'Three'));
    assert.equal(limited.code, 'rate_limited', 'the deleted session’s message still counts this hour');
  });

  it('a refused create stores nothing: no project, no session', async () => {
    f = await openFixture({ limits: { projectsPerHour: 1 } });
    const svc = f.engine.service;
    await svc.createSession({ agentId: 'SCRIPTED', taskId: 'one' });
    const before = f.events.length;
    const refused = await refusal(svc.createSession({ agentId: 'SCRIPTED', taskId: 'two', prompt: 'Build' }));
    assert.equal(refused.code, 'rate_limited');
    const unknown = await refusal(svc.createSession({ agentId: 'NOBODY', taskId: 'three' }));
    assert.deepEqual([unknown.code, unknown.details['field']], ['invalid_input', 'agent_id']);
    const workdir = await refusal(svc.createSession({ agentId: 'SCRIPTED', data: { workdir: '/no/such/dir' } }));
    assert.equal(workdir.details['field'], 'data.workdir');
    assert.equal(f.events.length, before, 'nothing was committed');
    assert.deepEqual(
      svc.listProjects().map((p) => p.name),
      ['one'],
    );
  });

  it('publishes updates as session events and deletions as session.deleted with the project’s current session', async () => {
    f = await openFixture();
    const svc = f.engine.service;
    const older = await svc.createSession({ agentId: 'SCRIPTED', taskId: 'ev' });
    const newer = await svc.createSession({ agentId: 'SCRIPTED', taskId: 'ev' });
    await svc.updateSession(newer.id, { prompt: 'P' });
    await svc.deleteSession(newer.id, false);
    const [updated, deleted] = f.events.slice(-2);
    assert.ok(updated?.type === 'session' && updated.session.prompt === 'P');
    assert.ok(deleted?.type === 'session.deleted');
    assert.deepEqual(
      [deleted.sessionId, deleted.projectId, deleted.currentSession?.id],
      [newer.id, newer.projectId, older.id],
    );
  });

  it('paused freezes the agent and active continues it; deleting busy work needs force, which cancels it', async () => {
    f = await openFixture();
    const svc = f.engine.service;
    const s = await svc.createSession({ agentId: 'SCRIPTED', prompt: 'Build' });
    const run = await f.agent.run(0);
    await svc.updateSession(s.id, { status: 'paused' });
    assert.equal(run.suspended, true);
    await svc.updateSession(s.id, { status: 'active' });
    assert.equal(run.suspended, false);
    const busy = await refusal(svc.deleteSession(s.id, false));
    assert.deepEqual([busy.code, busy.message], ['conflict', 'Cannot delete session']);
    await svc.deleteSession(s.id, true);
    assert.equal(run.aborted, true, 'the agent was stopped');
    assert.equal(svc.peekSessionExists(s.id), false);
  });

  it('a snapshot written before the Session API fields existed still opens (times rebuilt from workflows)', () => {
    const at = '2026-11-25T10:00:00.000Z';
    const old = {
      version: 1,
      projects: [{ id: 'p1', name: 'old', description: null, visibility: 'public', createdAt: at, updatedAt: at }],
      sessions: [{ id: 's1', projectId: 'p1', createdAt: at, updatedAt: at, workflowIds: ['w1'], messages: [] }],
      workflows: [
        {
          id: 'w1',
          sessionId: 's1',
          projectId: 'p1',
          status: 'completed',
          message: 'go',
          progress: null,
          pause: null,
          result: null,
          error: null,
          cancelReason: null,
          interrupted: false,
          createdAt: at,
          startedAt: at,
          endedAt: at,
          updatedAt: at,
        },
      ],
    };
    const state = stateFromSnapshot(StateSnapshot.parse(old), NO_ARCHIVE);
    const s = state.session('s1')!;
    assert.deepEqual([s.taskId, s.agentId, s.prompt, s.data], ['old', undefined, undefined, undefined]);
    assert.equal(state.userMessagesSince('p1', Date.parse(at) - 1).count, 1);
    const next = planCompaction(state, new ArchiveBuilder(1), new Map()).snapshot;
    assert.deepEqual(next.userMessageTimes, { p1: [Date.parse(at)] });
  });
});
