/**
 * parseAnswer and the wire parsers, through the two backends over a fake connection: an unexpected
 * answer is a clear protocol error naming the tool and the field; extra fields and missing optional
 * ones are fine (seq/id computed from the position).
 */
import assert from 'node:assert/strict';
import { z } from 'zod';
import { LiveBackend } from '../../../src/api/contracts/liveBackend';
import { parseAnswer } from '../../../src/api/contracts/parse';
import { SeedBackend } from '../../../src/api/contracts/seedBackend';
import type { McpConnection } from '../../../src/api/mcp/connection';
import { isBiltError } from '../../../src/core/errors';

const caps = {
  resume: true,
  answerViaSend: false,
  events: false,
  visibility: true,
  createProject: true,
  answers: true,
  pause: false,
  delete: false,
  missing: [],
};
const ref = { sessionId: 'sess-1', projectId: 'proj-1' };
const T = '2026-01-15T12:00:00.000Z';

/** A connection whose tools answer `answer(name, args)`; the calls are recorded. */
function fakeMcp(answer: (name: string, args: Record<string, unknown>) => unknown) {
  const calls: Array<{ name: string; args: Record<string, unknown> }> = [];
  const mcp = {
    call: async (name: string, args: Record<string, unknown>) => (calls.push({ name, args }), answer(name, args)),
    close: async () => undefined,
  };
  return { mcp: mcp as unknown as McpConnection, calls };
}
const seed = (answer: unknown) => new SeedBackend(fakeMcp(() => answer).mcp, caps);
const live = (answer: unknown, paginates = true) => new LiveBackend(fakeMcp(() => answer).mcp, caps, paginates);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function protocolError(p: Promise<unknown>, tool: string, field: string): Promise<void> {
  await assert.rejects(p, (e) => {
    assert.ok(isBiltError(e), String(e));
    assert.deepEqual(
      [e.code, e.message, e.details['tool'], e.details['field']],
      ['protocol', `Unexpected response from ${tool}`, tool, field],
    );
    assert.match(
      String(e.details['message']),
      new RegExp(`^${escape(`${tool} answered something this client does not understand: ${field}: `)}`),
    );
    return true;
  });
}

describe('api/contracts: parseAnswer', () => {
  it('returns the parsed value, or a protocol error naming the first bad field', () => {
    const S = z.object({ a: z.object({ b: z.number() }) });
    assert.deepEqual(parseAnswer('t', S, { a: { b: 1 } }), { a: { b: 1 } });
    assert.throws(
      () => parseAnswer('t', S, { a: { b: 'x' } }),
      (e) =>
        isBiltError(e) && e.code === 'protocol' && e.details['field'] === 'a.b' && Array.isArray(e.details['issues']),
    );
    assert.throws(
      () => parseAnswer('t', S, 'plain text'),
      (e) => isBiltError(e) && e.details['field'] === '(input)',
    );
  });
});

describe('api/contracts: seed answers', () => {
  it('an unexpected answer is a protocol error, never a crash or garbage', async () => {
    await protocolError(seed({ projects: 'none' }).listProjects(), 'bilt_list_projects', 'projects');
    await protocolError(seed({ projects: [{ id: 'p' }] }).listProjects(), 'bilt_list_projects', 'projects.0.name');
    await protocolError(seed('Project created!').createProject({ name: 'x' }), 'bilt_create_project', '(input)');
    await protocolError(
      seed({ session_id: 's', project_id: 'p', status: 'dreaming', created_at: T, updated_at: T }).getSession({
        sessionId: 's',
      }),
      'bilt_get_session',
      'status',
    );
    await protocolError(seed({ session_id: 's' }).sendMessage(ref, 'hi'), 'bilt_send_message', 'workflow_started');
    await protocolError(
      seed({ messages: [{ side: 'robot', message: 'x' }], total: 1, has_more: false }).getMessages(ref, {}),
      'bilt_get_messages',
      'messages.0.side',
    );
    await protocolError(
      seed({ messages: [], total: '3', has_more: false }).getMessages(ref, {}),
      'bilt_get_messages',
      'total',
    );
    await protocolError(
      seed({ session_id: 's', status: 'stopped', cancelled_at: T }).cancel(ref),
      'bilt_cancel_workflow',
      'status',
    );
    await protocolError(seed({ status: 'resumed' }).resume(ref), 'bilt_resume_workflow', 'status');
  });

  it('lenient: extra fields ignored, missing optional ones defaulted', async () => {
    const p = await seed({ id: 'p1', name: 'app', extra: { nested: true } }).getProject('p1');
    assert.deepEqual(p, {
      id: 'p1',
      name: 'app',
      description: null,
      visibility: 'public',
      createdAt: new Date(0).toISOString(),
      updatedAt: new Date(0).toISOString(),
    });
    const v = await seed({
      session_id: 's',
      project_id: 'p',
      status: 'paused',
      created_at: T,
      updated_at: T,
      pause: { type: 'secrets', project_url: 'u' },
      workflows: [{ workflow_id: 'w', status: 'paused', created_at: T, updated_at: T, shiny: 1 }],
    }).getSession({ projectId: 'p' });
    assert.deepEqual(
      [v.session.status, v.session.workflowId, v.session.messageCount, v.session.progress],
      ['paused', 'w', 0, null],
    );
    assert.deepEqual(
      v.workflows[0]!.pause,
      { type: 'secrets', projectUrl: 'u' },
      'the session-level pause fills in the latest workflow',
    );
    assert.deepEqual([v.workflows[0]!.message, v.workflows[0]!.interrupted, v.workflows[0]!.result], ['', false, null]);
    const sent = await seed({ session_id: 's', workflow_started: true, new_field: 'x' }).sendMessage(ref, 'hi');
    assert.deepEqual(sent, { sessionId: 's', workflowId: '', workflow: undefined, status: 'pending', timedOut: false });
  });

  it('messages without seq/id get them from their position (newest first: total − offset − index); an odd variant is info', async () => {
    const page = await seed({
      messages: [
        { side: 'ai', message: 'c', variant: 'sparkly' },
        { side: 'user', message: 'b', seq: 7, id: 'm-7', workflow_id: 'w' },
      ],
      total: 10,
      has_more: true,
    }).getMessages(ref, { limit: 2, offset: 2 });
    assert.deepEqual(
      page.messages.map((m) => [m.seq, m.id, m.side, m.variant, m.text, m.workflowId]),
      [
        [8, 'sess-1#8', 'ai', 'info', 'c', null],
        [7, 'm-7', 'user', 'info', 'b', 'w'],
      ],
    );
    assert.deepEqual([page.total, page.hasMore], [10, true]);
  });
});

describe('api/contracts: live answers', () => {
  it('an unexpected answer is a protocol error, never a crash or garbage', async () => {
    await protocolError(live({ projects: [{ name: 'x' }] }).listProjects(), 'bilt_list_projects', 'projects.0.id');
    await protocolError(
      live({ projectId: 'p', workflows: [] }).getSession({ projectId: 'p' }),
      'bilt_get_session',
      'hasActiveWorkflows',
    );
    await protocolError(
      live({
        projectId: 'p',
        hasActiveWorkflows: true,
        workflows: [{ workflowId: 'w', status: 'thinking' }],
      }).getSession({ projectId: 'p' }),
      'bilt_get_session',
      'workflows.0.status',
    );
    await protocolError(
      live({ status: 'completed' }).sendMessage(ref, 'hi', { wait: true }),
      'bilt_send_message',
      'workflowId',
    );
    await protocolError(live({ messages: 'none' }).getMessages(ref, {}), 'bilt_get_messages', 'messages');
    await protocolError(live(42).getProject('p'), 'bilt_get_project', '(input)');
  });

  it('lenient: a session without sessionId is keyed by its project; statuses map to the domain', async () => {
    const v = await live({
      projectId: 'p',
      hasActiveWorkflows: true,
      workflows: [{ workflowId: 'w', status: 'queued' }],
      more: 1,
    }).getSession({ projectId: 'p' });
    assert.deepEqual(
      [v.session.id, v.session.status, v.session.workflowId, v.workflows[0]!.status, v.workflows[0]!.message],
      ['p', 'pending', 'w', 'pending', ''],
    );
    const paused = await live({
      projectId: 'p',
      hasActiveWorkflows: true,
      projectUrl: 'u',
      workflows: [{ workflowId: 'w', status: 'paused', pauseType: 'questions', questions: [{ question: 'Q?' }] }],
    }).getSession({ projectId: 'p' });
    assert.deepEqual(paused.workflows[0]!.pause, {
      type: 'questions',
      questions: [{ question: 'Q?', options: [], multiSelect: false, allowText: false }],
      projectUrl: 'u',
    });
    const sent = await live({ workflowId: 'w', status: 'timeout' }).sendMessage(ref, 'hi', { wait: true });
    assert.deepEqual(
      [sent.status, sent.timedOut],
      ['running', true],
      'timeout: the server stopped waiting, the workflow runs on',
    );
    assert.equal(
      (await live({ workflowId: 'w', status: 'error' }).sendMessage(ref, 'hi', { wait: true })).status,
      'failed',
    );
  });

  it('messages: content or message, side or role, seq/id from the position; a server without paging is paged here', async () => {
    const page = await live({
      messages: [
        { content: 'c', side: 'ai', seq: 5 },
        { message: 'b', role: 'user' },
      ],
      total: 5,
    }).getMessages(ref, { limit: 2, offset: 0 });
    assert.deepEqual(
      page.messages.map((m) => [m.seq, m.id, m.side, m.text]),
      [
        [5, 'sess-1#5', 'ai', 'c'],
        [4, 'sess-1#4', 'user', 'b'],
      ],
    );
    assert.equal(page.hasMore, true, 'computed from total when the server does not say');
    const all = Array.from({ length: 7 }, (_, i) => ({ content: `m${7 - i}` }));
    const { mcp, calls } = fakeMcp(() => ({ messages: all }));
    const sliced = await new LiveBackend(mcp, caps, false).getMessages(ref, { limit: 3, offset: 2 });
    assert.deepEqual(calls[0]!.args, { projectId: 'proj-1' }, 'no limit/offset sent to a server that has none');
    assert.deepEqual(
      sliced.messages.map((m) => [m.seq, m.text]),
      [
        [5, 'm5'],
        [4, 'm4'],
        [3, 'm3'],
      ],
    );
    assert.deepEqual([sliced.total, sliced.hasMore], [7, true]);
  });
});
