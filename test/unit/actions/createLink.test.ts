import assert from 'node:assert/strict';
import { createProject, defaultServer } from '../../../src/actions/createProject';
import { linkWorkspace } from '../../../src/actions/link';
import { findTarget } from '../../../src/actions/target';
import { BiltError } from '../../../src/core/errors';
import { entry, snapshot } from '../present/fixtures';
import { context, FakeStore, P1 } from './fakeStore';
import { confirmation, doneValue, refusal } from './support';

describe('actions: create a project', () => {
  it('confirms naming the server, creates on it, and tells the store about the new project', async () => {
    const { ctx, store } = context();
    const asked = confirmation(await createProject(ctx, 'local', { name: 'blog', description: 'A blog' }));
    assert.deepEqual([asked.title, asked.message], ['Create the Bilt project blog?', 'On Local engine: A blog']);
    const created = doneValue(
      await createProject(ctx, undefined, { name: 'blog', visibility: 'private' }, { confirmed: true }),
    );
    assert.deepEqual(created.target, { serverId: 'local', projectId: 'p-new' });
    assert.deepEqual(store.calls[0]!.args[0], { name: 'blog', description: undefined, visibility: 'private' });
    assert.deepEqual(store.afterActions, [{ serverId: 'local', ref: { projectId: 'p-new' } }]);
  });

  it('visibility is left out where the server decides it', async () => {
    const { ctx, store } = context();
    store.visibility = false;
    doneValue(await createProject(ctx, 'local', { name: 'blog', visibility: 'private' }, { confirmed: true }));
    assert.equal((store.calls[0]!.args[0] as { visibility?: string }).visibility, undefined);
  });

  it('refuses names the engine refuses (taken in any case, characters, length), a server not ready, no server', async () => {
    const { ctx, store } = context();
    const taken = refusal(
      await createProject(ctx, 'local', { name: 'SHOP' }),
      'conflict',
      'Project name already exists',
    );
    assert.deepEqual(taken, {
      field: 'name',
      message: 'A project named "shop" already exists; names are unique (case-insensitive)',
      project_id: 'p1',
    });
    const bad = refusal(await createProject(ctx, 'local', { name: 'my app' }), 'invalid_input', 'Invalid request body');
    assert.deepEqual(bad, { field: 'name', message: 'name may contain only letters, digits, hyphens and underscores' });
    const long = refusal(
      await createProject(ctx, 'local', { name: 'a'.repeat(256) }),
      'invalid_input',
      'Invalid request body',
    );
    assert.equal(long['limit'], 255);
    store.servers = [snapshot({ status: { state: 'signed-out' } })];
    refusal(await createProject(ctx, 'local', { name: 'x' }), 'unavailable', 'Local engine is not ready (signed-out)');
    refusal(await createProject(ctx, undefined, { name: 'x' }), 'unavailable', 'No Bilt server is ready');
    store.refuseNext = new BiltError('rate_limited', 'Rate limit exceeded', { retry_after: 5 });
    store.servers = [snapshot()];
    refusal(
      await createProject(ctx, 'local', { name: 'x' }, { confirmed: true }),
      'rate_limited',
      'Rate limit exceeded',
    );
    assert.equal((await createProject(ctx, 'local', { name: 'y' }, { signal: AbortSignal.abort() })).kind, 'aborted');
  });
});

describe("actions: the default server for a new project (the workspace's account)", () => {
  const A = 'https://a.example.test/mcp';
  const B = 'https://b.example.test/mcp';

  it("the linked project's server, else the workspace's account, else the first ready one; each only when ready", () => {
    const { ctx, store } = context();
    store.servers = [snapshot(), snapshot({ id: A }), snapshot({ id: B })];
    const chosen: { id?: string } = {};
    ctx.account = { get: () => chosen.id };
    assert.equal(defaultServer(ctx), 'local', 'no preference: the first ready one');
    chosen.id = B;
    assert.equal(defaultServer(ctx), B, "the workspace's account");
    void ctx.links.set({ serverId: A, projectId: 'p1' });
    assert.equal(defaultServer(ctx), A, 'a linked project is more specific than the account');
    void ctx.links.set(undefined);
    store.servers = [snapshot(), snapshot({ id: A }), snapshot({ id: B, status: { state: 'signed-out' } })];
    assert.equal(defaultServer(ctx), 'local', 'a signed-out account is passed over');
    const gateway = {
      resume: true,
      answerViaSend: false,
      events: false,
      visibility: false,
      createProject: false,
      answers: false,
      pause: true,
      delete: true,
      missing: [],
    };
    store.servers = [snapshot(), snapshot({ id: B, capabilities: gateway })];
    assert.equal(defaultServer(ctx), 'local', 'an account whose server cannot create projects is passed over');
  });
});

describe('actions: link the workspace, and finding the project meant', () => {
  it('links a known project, then unlinks; an unknown one is refused', async () => {
    const { ctx } = context();
    assert.deepEqual(doneValue(await linkWorkspace(ctx, P1)), { link: P1, projectName: 'shop' });
    assert.deepEqual(ctx.links.get(), P1);
    refusal(await linkWorkspace(ctx, { serverId: 'local', projectId: 'gone' }), 'not_found', 'Project not found');
    assert.deepEqual(ctx.links.get(), P1, 'a refused link keeps the old one');
    assert.deepEqual(doneValue(await linkWorkspace(ctx, undefined)), { link: undefined, projectName: undefined });
    assert.equal(ctx.links.get(), undefined);
  });

  it('by id or by name in any case; else the linked project; else the only one; else says which exist', () => {
    const store = new FakeStore();
    store.servers = [
      snapshot({ projects: [entry({ id: 'p1', name: 'shop' }), entry({ id: 'p2', name: 'blog' })] }),
      snapshot({ id: 'https://bilt.example/mcp', projects: [entry({ id: 'p3', name: 'Blog' })] }),
    ];
    const { ctx } = context(store, { serverId: 'local', projectId: 'p2' });
    assert.deepEqual(findTarget(ctx, 'SHOP'), P1);
    assert.deepEqual(findTarget(ctx, 'p3'), { serverId: 'https://bilt.example/mcp', projectId: 'p3' });
    assert.deepEqual(findTarget(ctx), { serverId: 'local', projectId: 'p2' });
    assert.throws(() => findTarget(ctx, 'blog'), /Invalid request body/);
    ctx.account = { get: () => 'https://bilt.example/mcp' };
    assert.deepEqual(
      findTarget(ctx, 'blog'),
      { serverId: 'https://bilt.example/mcp', projectId: 'p3' },
      "a name on several servers: the workspace's account's",
    );
    ctx.account = undefined;
    assert.throws(
      () => findTarget(ctx, 'nope'),
      (e: BiltError) => e.code === 'not_found' && /Known projects: shop, blog, Blog/.test(String(e.details['message'])),
    );
    const alone = context();
    assert.deepEqual(findTarget(alone.ctx), P1);
    alone.store.servers = [snapshot({ projects: [entry({ id: 'p1', name: 'a' }), entry({ id: 'p2', name: 'b' })] })];
    assert.throws(
      () => findTarget(alone.ctx),
      (e: BiltError) => e.details['field'] === 'project' && /a, b/.test(String(e.details['message'])),
    );
  });
});
