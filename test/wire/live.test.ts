/** The live contract (/live/mcp) over the wire: tool list, projects, sessions, blocking send, messages, limits. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { invalid, refused } from './support/assertions';
import { uniqueName, useEngine, UUID_RE } from './support/fixture';

const LIVE_TOOLS = [
  'bilt_list_projects',
  'bilt_get_project',
  'bilt_create_project',
  'bilt_get_session',
  'bilt_send_message',
  'bilt_get_messages',
  'bilt_cancel_workflow',
];

describe('wire: live contract tools (/live/mcp)', () => {
  const t = useEngine({ scenario: 'quick.json' });
  const projectUrl = (id: string) => `${t.engine.ready.url}/projects/${id}`;

  it('tools/list: exactly 7 tools (no bilt_resume_workflow) with camelCase params', () => {
    assert.deepEqual(
      t.live.tools.map((x) => x.name),
      LIVE_TOOLS,
    );
    for (const x of t.live.tools) {
      const props = Object.keys((x.inputSchema.properties ?? {}) as object);
      assert.ok(
        props.every((k) => /^[a-z]+([A-Z][a-z]+)*$/.test(k)),
        `${x.name} params are camelCase: ${props.join(', ')}`,
      );
      assert.ok(x.title && x.outputSchema, `${x.name} has a title and an outputSchema`);
      assert.equal(x.annotations?.destructiveHint === true, x.name === 'bilt_cancel_workflow');
    }
    const send = t.live.tools.find((x) => x.name === 'bilt_send_message')!.inputSchema;
    assert.deepEqual(Object.keys(send.properties ?? {}), ['projectId', 'message', 'answers', 'workflowId']);
    assert.equal((send.properties!['message'] as { maxLength: number }).maxLength, 5000);
    assert.deepEqual(send.required, ['projectId']);
  });

  it('create, get and list projects carry projectUrl', async () => {
    const name = uniqueName('live');
    const p = await t.live.call('bilt_create_project', { name, description: 'Made over the live contract' });
    assert.match(p.id, UUID_RE);
    assert.deepEqual(
      [p.name, p.description, p.visibility, p.projectUrl],
      [name, 'Made over the live contract', 'public', projectUrl(p.id)],
    );
    assert.deepEqual(await t.live.call('bilt_get_project', { projectId: p.id }), p);
    assert.deepEqual(
      (await t.live.call('bilt_list_projects', {})).projects.find((x) => x.id === p.id),
      p,
    );
    invalid(
      await t.live.callError('bilt_create_project', { name: uniqueName(), visibility: 'PRIVATE' }),
      'visibility',
      'unknown field: visibility',
    );
  });

  it('get_session creates an idle session; send_message blocks until completed; the session then has no active workflow', async () => {
    const p = await t.live.call('bilt_create_project', { name: 'blocking' });
    const idle = await t.live.call('bilt_get_session', { projectId: p.id });
    assert.match(idle.sessionId, UUID_RE);
    assert.deepEqual(
      [idle.projectId, idle.status, idle.hasActiveWorkflows, idle.workflows, idle.projectUrl],
      [p.id, 'idle', false, [], projectUrl(p.id)],
    );

    const progress: Progress[] = [];
    const sent = await t.live.call(
      'bilt_send_message',
      { projectId: p.id, message: 'Build a todo app' },
      { onprogress: (x) => progress.push(x) },
    );
    assert.match(sent.workflowId, UUID_RE);
    assert.deepEqual(
      [sent.projectId, sent.status, sent.resultUrl, sent.result, sent.projectUrl, sent.pauseType, sent.error],
      [
        p.id,
        'completed',
        'https://blocking.quick.test',
        'Quick build of blocking',
        projectUrl(p.id),
        undefined,
        undefined,
      ],
    );
    assert.ok(progress.length >= 1, 'progress notifications arrived');

    const s = await t.live.call('bilt_get_session', { projectId: p.id });
    assert.deepEqual([s.sessionId, s.status, s.hasActiveWorkflows], [idle.sessionId, 'completed', false]);
    const w = s.workflows[0]!;
    assert.deepEqual(
      [w.workflowId, w.status, w.message, w.resultUrl, w.progress?.percentage],
      [sent.workflowId, 'completed', 'Build a todo app', sent.resultUrl, 100],
    );
  });

  it('get_messages: newest first with content, total, hasMore, limit and offset; empty before any session', async () => {
    const p = await t.live.call('bilt_create_project', { name: uniqueName() });
    assert.deepEqual(await t.live.call('bilt_get_messages', { projectId: p.id }), {
      projectId: p.id,
      messages: [],
      total: 0,
      hasMore: false,
    });
    await t.live.call('bilt_send_message', { projectId: p.id, message: 'Hello' });
    const all = await t.live.call('bilt_get_messages', { projectId: p.id });
    assert.equal(all.messages.length, all.total);
    assert.deepEqual(
      all.messages.map((m) => m.seq),
      Array.from({ length: all.total }, (_, i) => all.total - i),
    );
    assert.deepEqual([all.messages.at(-1)!.side, all.messages.at(-1)!.content], ['user', 'Hello']);
    const page = await t.live.call('bilt_get_messages', { projectId: p.id, limit: 2, offset: 1 });
    assert.deepEqual([page.messages, page.hasMore, page.total], [all.messages.slice(1, 3), true, all.total]);
  });

  it('seed and live views of the same state agree (created and sent via live, read via seed)', async () => {
    const p = await t.live.call('bilt_create_project', { name: uniqueName('both'), description: 'shared' });
    const sent = await t.live.call('bilt_send_message', { projectId: p.id, message: 'Ship it' });
    const sp = await t.seed.call('bilt_get_project', { project_id: p.id });
    assert.deepEqual(sp, {
      id: p.id,
      name: p.name,
      description: p.description,
      visibility: p.visibility,
      created_at: p.createdAt,
      updated_at: sp.updated_at,
    });
    const live = await t.live.call('bilt_get_session', { projectId: p.id });
    // the project's updatedAt moved with its session's activity (docs/CONTRACT.md)
    assert.ok(sp.updated_at > p.updatedAt, `${sp.updated_at} after ${p.updatedAt}`);
    assert.equal(sp.updated_at, live.updatedAt);
    const seed = await t.seed.call('bilt_get_session', { project_id: p.id });
    assert.deepEqual(
      [seed.session_id, seed.status, seed.workflow_id, seed.updated_at],
      [live.sessionId, 'completed', sent.workflowId, live.updatedAt],
    );
    assert.deepEqual(
      seed.workflows!.map((w) => [w.workflow_id, w.status, w.result_url]),
      live.workflows.map((w) => [w.workflowId, w.status, w.resultUrl]),
    );
    const lm = await t.live.call('bilt_get_messages', { projectId: p.id });
    const sm = await t.seed.call('bilt_get_messages', { session_id: live.sessionId });
    assert.deepEqual(
      sm.messages.map((m) => [m.id, m.seq, m.side, m.variant, m.message, m.workflow_id]),
      lm.messages.map((m) => [m.id, m.seq, m.side, m.variant, m.content, m.workflowId]),
    );
  });

  it('limits and input rules name the field', async () => {
    const p = await t.live.call('bilt_create_project', { name: uniqueName() });
    invalid(
      await t.live.callError('bilt_get_project', { projectId: 'nope' }),
      'projectId',
      'projectId must be a UUID (got "nope")',
    );
    invalid(
      await t.live.callError('bilt_send_message', { projectId: p.id, message: 'm'.repeat(5001) }),
      'message',
      'message must be at most 5000 characters (got 5001)',
      5000,
    );
    invalid(
      await t.live.callError('bilt_send_message', { projectId: p.id, message: '' }),
      'message',
      'message must be at least 1 character (got 0)',
      1,
    );
    invalid(
      await t.live.callError('bilt_send_message', { projectId: p.id }),
      'message',
      'message or answers is required',
    );
    invalid(
      await t.live.callError('bilt_send_message', { projectId: p.id, message: 'hi', workflowId: randomUUID() }),
      'workflowId',
      'workflowId is only used together with answers',
    );
    invalid(
      await t.live.callError('bilt_send_message', { project_id: p.id, message: 'hi' }),
      'project_id',
      'unknown field: project_id',
    );
    invalid(
      await t.live.callError('bilt_get_messages', { projectId: p.id, limit: 101 }),
      'limit',
      'limit must be at most 100 (got 101)',
      100,
    );
    invalid(
      await t.live.callError('bilt_get_messages', { projectId: p.id, offset: -1 }),
      'offset',
      'offset must be at least 0 (got -1)',
      0,
    );
    invalid(
      await t.live.callError('bilt_cancel_workflow', { projectId: p.id, reason: 'r'.repeat(501) }),
      'reason',
      'reason must be at most 500 characters (got 501)',
      500,
    );
    invalid(
      await t.live.callError('bilt_create_project', { name: 'bad name' }),
      'name',
      'name may contain only letters, digits, hyphens and underscores',
    );
  });

  it('unknown projects are not found; cancel with nothing running is refused', async () => {
    const id = randomUUID();
    for (const tool of [
      'bilt_get_project',
      'bilt_get_session',
      'bilt_send_message',
      'bilt_get_messages',
      'bilt_cancel_workflow',
    ] as const) {
      const body = await t.live.callError(tool, {
        projectId: id,
        ...(tool === 'bilt_send_message' ? { message: 'hi' } : {}),
      });
      assert.deepEqual(
        [body.error, body.details.code, body.details['project_id']],
        ['Project not found', 'not_found', id],
        tool,
      );
    }
    const p = await t.live.call('bilt_create_project', { name: uniqueName() });
    refused(
      await t.live.callError('bilt_cancel_workflow', { projectId: p.id }),
      'Cannot cancel workflow',
      'idle',
      'No workflow is running',
    );
    await t.live.call('bilt_send_message', { projectId: p.id, message: 'Done quickly' });
    refused(
      await t.live.callError('bilt_cancel_workflow', { projectId: p.id }),
      'Cannot cancel workflow',
      'completed',
      'Workflow has already completed',
    );
  });
});
