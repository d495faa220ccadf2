import assert from 'node:assert/strict';
import { openFixture, refusal, type Fixture } from './fixture';

describe('engine service: projects and sessions', () => {
  let f: Fixture;
  afterEach(() => f?.close());

  it('creates projects with unique (case-insensitive) names, newest first', async () => {
    f = await openFixture();
    const a = await f.engine.service.createProject({ name: 'todo-app', description: 'Todos' });
    f.clock.advance(1000);
    const b = await f.engine.service.createProject({ name: 'shop', visibility: 'private' });
    assert.deepEqual(
      f.engine.service.listProjects().map((p) => p.name),
      ['shop', 'todo-app'],
    );
    assert.equal(a.visibility, 'public');
    assert.equal(b.visibility, 'private');
    assert.equal(a.description, 'Todos');
    assert.equal(b.description, null);
    const dup = await refusal(f.engine.service.createProject({ name: 'TODO-APP' }));
    assert.equal(dup.code, 'conflict');
    assert.equal(dup.details.field, 'name');
  });

  it('limits creations per hour (with retry_after) and active projects', async () => {
    f = await openFixture({ limits: { projectsPerHour: 2, maxProjects: 3 } });
    await f.engine.service.createProject({ name: 'p1' });
    f.clock.advance(10 * 60_000);
    await f.engine.service.createProject({ name: 'p2' });
    const limited = await refusal(f.engine.service.createProject({ name: 'p3' }));
    assert.equal(limited.code, 'rate_limited');
    assert.equal(limited.details.limit, 2);
    assert.equal(limited.details.retry_after, 50 * 60);
    f.clock.advance(50 * 60_000 + 1);
    await f.engine.service.createProject({ name: 'p3' });
    f.clock.advance(60 * 60_000);
    const cap = await refusal(f.engine.service.createProject({ name: 'p4' }));
    assert.equal(cap.message, 'Project limit reached');
  });

  it("moves a project's updatedAt with its session's activity, and keeps it across a restart", async () => {
    f = await openFixture();
    const quiet = await f.engine.service.createProject({ name: 'quiet' });
    const busy = await f.engine.service.createProject({ name: 'busy' });
    const s = await f.engine.service.findSession({ projectId: busy.id });
    f.clock.advance(60_000);
    await f.engine.service.sendMessage(s.id, 'Add a login screen');
    const updated = (id: string) => f.engine.service.listProjects().find((p) => p.id === id)!.updatedAt;
    assert.ok(updated(busy.id) > busy.updatedAt, 'the send moved the busy project');
    assert.equal(updated(busy.id), (await f.engine.service.findSession({ sessionId: s.id })).updatedAt);
    assert.equal(updated(quiet.id), quiet.updatedAt, 'the quiet project did not move');
    const before = updated(busy.id);
    f = await f.reopen();
    assert.equal(updated(busy.id), before);
  });

  it('gives every project a current session, created idle on first read', async () => {
    f = await openFixture();
    const p = await f.engine.service.createProject({ name: 'app' });
    const s1 = await f.engine.service.findSession({ projectId: p.id });
    assert.equal(s1.status, 'idle');
    assert.equal(s1.projectId, p.id);
    const s2 = await f.engine.service.findSession({ projectId: p.id });
    assert.equal(s2.id, s1.id, 'the same current session, not a new one');
    assert.equal((await f.engine.service.findSession({})).id, s1.id, 'no ids: the most recent session');
    assert.equal((await f.engine.service.findSession({ sessionId: s1.id })).id, s1.id);
  });

  it('without ids and without sessions, uses the newest project; without projects says what to do', async () => {
    f = await openFixture();
    const none = await refusal(f.engine.service.findSession({}));
    assert.equal(none.code, 'not_found');
    assert.match(String(none.details.message), /bilt_create_project/);
    const p = await f.engine.service.createProject({ name: 'only' });
    assert.equal((await f.engine.service.findSession({})).projectId, p.id);
  });

  it("refuses unknown ids and a session that is not the project's", async () => {
    f = await openFixture();
    const a = await f.engine.service.createProject({ name: 'a' });
    const b = await f.engine.service.createProject({ name: 'b' });
    const sa = await f.engine.service.findSession({ projectId: a.id });
    assert.equal(
      (await refusal(f.engine.service.findSession({ sessionId: '00000000-0000-4000-8000-000000000000' }))).code,
      'not_found',
    );
    assert.equal(
      (await refusal(f.engine.service.findSession({ sessionId: sa.id, projectId: b.id }))).details.field,
      'project_id',
    );
    assert.throws(() => f.engine.service.getProject('00000000-0000-4000-8000-000000000000'), /Project not found/);
  });

  it('keeps everything across a restart', async () => {
    f = await openFixture();
    const p = await f.engine.service.createProject({ name: 'keep' });
    const s = await f.engine.service.findSession({ projectId: p.id });
    f = await f.reopen();
    assert.deepEqual(
      f.engine.service.listProjects().map((x) => x.id),
      [p.id],
    );
    assert.equal((await f.engine.service.findSession({ projectId: p.id })).id, s.id);
  });
});
