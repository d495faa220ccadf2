/**
 * Reading Session API gateways: the documented shapes, the running code's shapes and the engine's all
 * parse; unknown statuses do not crash; messages are numbered 1 = oldest and paged newest first
 * (whole history, or the engine's cursor, asked again when more arrived); error answers become
 * BiltErrors with the right codes; the gateway's root from the URL people configure.
 */
import assert from 'node:assert/strict';
import { gatewayRoot, isSessionApiUrl } from '../../../src/api/contracts/sessionApiOpen';
import { readMessagePage, type MessagesAnswer } from '../../../src/api/contracts/sessionApiMessages';
import {
  GatewayListIn,
  GatewayMessagesIn,
  GatewaySessionIn,
  projectFromGateway,
  viewFromGateway,
} from '../../../src/api/contracts/sessionApiWire';
import { isIdempotentRequest } from '../../../src/api/http/retry';
import { restError } from '../../../src/api/mcp/errors';

const DOCUMENTED = {
  sessions: [
    {
      id: 'session-abc123',
      agent_id: 'CLAUDE_CODE',
      task_id: 'task-xyz',
      status: 'active',
      created_at: '2024-01-16T10:00:00Z',
      last_active: '2024-01-16T14:30:00Z',
      message_count: 42,
      data: { workdir: '/path/to/project', model: 'claude-3-sonnet' },
    },
  ],
};
const IMPLEMENTED = {
  id: 'session-def456',
  agent_id: 'CODEX',
  task_id: null,
  status: 'paused',
  prompt: 'Fix the login\n  form',
  session_data: '{"workdir":"/srv/app"}',
  created_at: 1_705_399_200_000,
  updated_at: '2024-01-16T12:00:00.000Z',
};

describe('api/contracts/sessionApiWire: sessions', () => {
  it('the documented list: a project per session, the session with its data and message count', () => {
    const [session] = GatewayListIn.parse(DOCUMENTED);
    assert.deepEqual(projectFromGateway(session!), {
      id: 'session-abc123',
      name: 'session-abc123',
      description: 'agent CLAUDE_CODE · task task-xyz',
      visibility: 'private',
      createdAt: '2024-01-16T10:00:00Z',
      updatedAt: '2024-01-16T14:30:00Z',
      group: 'task-xyz',
    });
    const view = viewFromGateway(session!);
    assert.deepEqual(
      [view.session.status, view.session.messageCount, view.session.data, view.workflows[0]?.status],
      ['running', 42, { workdir: '/path/to/project', model: 'claude-3-sonnet' }, 'running'],
    );
  });

  it("the running code's bare object (and a bare array): session_data as JSON text, times as epoch ms", () => {
    const [session] = GatewayListIn.parse([IMPLEMENTED]);
    const view = viewFromGateway(session!);
    assert.deepEqual(view.session, {
      id: 'session-def456',
      projectId: 'session-def456',
      status: 'paused',
      progress: null,
      workflowId: 'session-def456',
      messageCount: 0,
      createdAt: '2024-01-16T10:00:00.000Z',
      updatedAt: '2024-01-16T12:00:00.000Z',
      agentId: 'CODEX',
      taskId: null,
      prompt: 'Fix the login\n  form',
      data: { workdir: '/srv/app' },
    });
    assert.equal(view.workflows[0]?.pause, null, 'a plain pause has no pause reason');
    assert.equal(projectFromGateway(session!).name, 'Fix the login form');
    assert.equal(projectFromGateway(session!).group, undefined);
  });

  it("the engine's finer state wins: cancelled, a questions pause, the workflow id, progress and result", () => {
    const session = GatewaySessionIn.parse({
      id: 's1',
      status: 'failed',
      workflow_status: 'cancelled',
      workflow_id: 'wf-9',
      progress: { percentage: 40, current_step: 'build' },
      result_url: 'https://example.test/app',
    });
    const view = viewFromGateway(session);
    assert.deepEqual(
      [view.session.status, view.session.workflowId, view.workflows[0]?.id, view.workflows[0]?.result],
      ['cancelled', 'wf-9', 'wf-9', { url: 'https://example.test/app' }],
    );
    assert.deepEqual(view.session.progress, { percentage: 40, currentStep: 'build' });
    const paused = viewFromGateway(
      GatewaySessionIn.parse({ id: 's2', status: 'paused', workflow_status: 'paused', pause_type: 'questions' }),
    );
    assert.deepEqual(paused.workflows[0]?.pause, { type: 'questions' });
  });

  it('unknown statuses do not crash: idle (no workflow) unless they say error; odd fields are ignored', () => {
    const read = (status: unknown, extra: Record<string, unknown> = {}) =>
      viewFromGateway(GatewaySessionIn.parse({ id: 'x', status, ...extra }));
    assert.deepEqual(
      [read('hibernating'), read('error'), read('running'), read(undefined)].map((v) => [
        v.session.status,
        v.workflows.length,
      ]),
      [
        ['idle', 0],
        ['failed', 1],
        ['running', 1],
        ['idle', 0],
      ],
    );
    const odd = read('paused', { pause_type: 'coffee', progress: 'half', workflow_status: 'dreaming' });
    assert.deepEqual([odd.session.status, odd.workflows[0]?.pause, odd.session.progress], ['paused', null, null]);
    assert.throws(() => GatewaySessionIn.parse({ status: 'active' }), /id/);
  });

  it('a long prompt names its project by its first 60 characters on one line', () => {
    const prompt = `  Build   a\tvery ${'long '.repeat(30)}`;
    const name = projectFromGateway(GatewaySessionIn.parse({ id: 'x', prompt })).name;
    assert.equal(name, 'Build a very long long long long long long long long long lo');
    assert.ok(name.length <= 60);
  });
});

/** A cursor server over `count` messages (seq 1..count) that gains `growth` more after each read. */
function cursorServer(count: number, growth = 0) {
  const asked: Array<{ after: number; limit: number }> = [];
  let total = count;
  const read = async (query: { after: number; limit: number }): Promise<MessagesAnswer> => {
    asked.push(query);
    const seqs = Array.from({ length: Math.max(0, Math.min(query.limit, total - query.after)) }, (_, index) => {
      return query.after + index + 1;
    });
    const answer = GatewayMessagesIn.parse({
      messages: seqs.map((seq) => ({ id: `m${seq}`, role: 'assistant', content: `#${seq}`, seq, timestamp: 'T' })),
      next_cursor: seqs.at(-1) ?? null,
      has_more: query.after + seqs.length < total,
      total,
    });
    total += growth;
    return answer;
  };
  return { read, asked };
}
const seqsOf = (page: { messages: Array<{ seq: number }> }) => page.messages.map((m) => m.seq);

describe('api/contracts/sessionApiMessages: paging', () => {
  it('the whole history at once (array or {messages}): numbered by position, paged newest first', async () => {
    const history = ['a', 'b', 'c', 'd', 'e'].map((text, index) =>
      index % 2 ? { side: 'user', message: text, created_at: 'T' } : { role: 'assistant', text },
    );
    for (const shape of [history, { messages: history }]) {
      const read = async () => GatewayMessagesIn.parse(shape);
      const first = await readMessagePage(read, 's', { limit: 2 }, undefined);
      const last = await readMessagePage(read, 's', { limit: 2, offset: 4 }, undefined);
      assert.deepEqual([seqsOf(first), first.total, first.hasMore], [[5, 4], 5, true]);
      assert.deepEqual([seqsOf(last), last.hasMore], [[1], false]);
      assert.deepEqual(
        first.messages.map((m) => [m.id, m.text, m.side, m.variant]),
        [
          ['s#5', 'e', 'ai', 'info'],
          ['s#4', 'd', 'user', 'info'],
        ],
      );
    }
  });

  it('whole history with seqs: ordered by them; content blocks and timestamps read', async () => {
    const read = async () =>
      GatewayMessagesIn.parse([
        { seq: 2, role: 'assistant', content: [{ type: 'text', text: 'two' }], timestamp: 1_705_399_200 },
        { seq: 1, role: 'user', content: 'one', timestamp: '2024-01-16T10:00:00Z' },
      ]);
    const page = await readMessagePage(read, 's', {}, undefined);
    assert.deepEqual(
      page.messages.map((m) => [m.seq, m.text, m.createdAt]),
      [
        [2, 'two', '2024-01-16T10:00:00.000Z'],
        [1, 'one', '2024-01-16T10:00:00Z'],
      ],
    );
  });

  it("the engine's cursor: one request when the total is known, the page's seqs exactly", async () => {
    const server = cursorServer(250);
    const page = await readMessagePage(server.read, 's', { limit: 3, offset: 10 }, 250);
    assert.deepEqual(server.asked, [{ after: 237, limit: 3 }]);
    assert.deepEqual([seqsOf(page), page.total, page.hasMore], [[240, 239, 238], 250, true]);
    const oldest = await readMessagePage(server.read, 's', { limit: 100, offset: 200 }, 250);
    assert.deepEqual([seqsOf(oldest).at(0), seqsOf(oldest).at(-1), oldest.hasMore], [50, 1, false]);
  });

  it('unknown or stale total: asked again with the total the answer gave (bounded when it keeps growing)', async () => {
    const unknown = cursorServer(250);
    const page = await readMessagePage(unknown.read, 's', { limit: 1 }, undefined);
    assert.deepEqual(unknown.asked, [
      { after: 0, limit: 1 },
      { after: 249, limit: 1 },
    ]);
    assert.deepEqual([seqsOf(page), page.total], [[250], 250]);
    const short = cursorServer(3);
    assert.deepEqual(seqsOf(await readMessagePage(short.read, 's', { limit: 50 }, undefined)), [3, 2, 1]);
    assert.equal(short.asked.length, 1, 'a short history fits the first page');
    const growing = cursorServer(10, 5);
    const busy = await readMessagePage(growing.read, 's', { limit: 2 }, 5);
    assert.deepEqual(
      growing.asked.map((q) => q.after),
      [3, 8, 13],
      'three tries at most',
    );
    assert.equal(busy.total, 20);
    assert.ok(
      busy.messages.every((m) => m.seq > 18),
      'never a message outside the page (the watch reads the rest next time)',
    );
  });
});

describe('api/mcp/errors: restError (Session API answers)', () => {
  const URL_ = 'http://127.0.0.1:9/api/sessions/s1';
  const codeOf = (status: number, body: unknown, headers?: Headers) => restError(status, URL_, body, headers);

  it('each status its code; the body names illegal_state or conflict for 409; details kept', () => {
    const cases: Array<[number, unknown, string]> = [
      [400, { error: 'agent_id is required' }, 'invalid_input'],
      [401, { error: 'Unauthorized' }, 'unauthorized'],
      [403, { error: 'Nope' }, 'forbidden'],
      [404, { error: 'Session not found: s1' }, 'not_found'],
      [409, { error: 'A workflow is already in progress' }, 'conflict'],
      [409, { error: 'Cannot pause', code: 'illegal_state', details: {} }, 'illegal_state'],
      [413, 'Payload Too Large', 'invalid_input'],
      [500, { error: 'Failed to read messages' }, 'internal'],
      [502, undefined, 'unavailable'],
      [503, { error: 'busy', code: 'internal' }, 'unavailable'],
    ];
    assert.deepEqual(
      cases.map(([status, body]) => codeOf(status, body).code),
      cases.map(([, , code]) => code),
    );
    const invalid = codeOf(400, {
      error: 'Invalid request body',
      code: 'invalid_input',
      details: { field: 'content', limit: 5000, message: 'content must be at most 5000 characters' },
    });
    assert.deepEqual(
      [invalid.message, invalid.details],
      [
        'Invalid request body',
        { field: 'content', limit: 5000, message: 'content must be at most 5000 characters', status: 400 },
      ],
    );
    assert.deepEqual(codeOf(404, { error: 'Session not found: s1' }).details, {
      status: 404,
      message: 'Session not found: s1',
    });
  });

  it('429: retry_after from Retry-After (seconds or a date), else from the body', () => {
    assert.equal(codeOf(429, {}, new Headers({ 'retry-after': '30' })).retryAfterSeconds, 30);
    const at = new Date(Date.now() + 90_000).toUTCString();
    const fromDate = codeOf(429, {}, new Headers({ 'retry-after': at })).retryAfterSeconds!;
    assert.ok(fromDate > 80 && fromDate <= 90, String(fromDate));
    const fromBody = codeOf(429, { error: 'Rate limit exceeded', details: { retry_after: 12 } });
    assert.deepEqual([fromBody.code, fromBody.retryAfterSeconds], ['rate_limited', 12]);
  });
});

describe('api/contracts/sessionApiOpen: the root of a gateway', () => {
  it('…/api and …/api/sessions (with or without a slash) are the root; a prefix stays', () => {
    const cases: Array<[string, string, boolean]> = [
      ['http://127.0.0.1:18790', 'http://127.0.0.1:18790/', false],
      ['http://127.0.0.1:18790/api', 'http://127.0.0.1:18790/', true],
      ['http://127.0.0.1:18790/api/sessions/', 'http://127.0.0.1:18790/', true],
      ['https://host.test/gateway/api/sessions?x=1', 'https://host.test/gateway', true],
      ['https://host.test/mcp', 'https://host.test/mcp', false],
    ];
    assert.deepEqual(
      cases.map(([url]) => [gatewayRoot(url).href, isSessionApiUrl(url)]),
      cases.map(([, root, api]) => [root, api]),
    );
  });
});

describe('api/http/retry: isIdempotentRequest', () => {
  it('GET, PUT, DELETE are; a REST POST or PATCH is not; a JSON-RPC POST as its body says', () => {
    const rpc = (name: string) =>
      JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: {} } });
    assert.deepEqual(
      [
        isIdempotentRequest(undefined, undefined),
        isIdempotentRequest('GET', undefined),
        isIdempotentRequest('DELETE', undefined),
        isIdempotentRequest('PUT', '{}'),
        isIdempotentRequest('POST', JSON.stringify({ content: 'hi' })),
        isIdempotentRequest('PATCH', JSON.stringify({ status: 'paused' })),
        isIdempotentRequest('POST', rpc('bilt_get_session')),
        isIdempotentRequest('POST', rpc('bilt_send_message')),
      ],
      [true, true, true, true, false, false, true, false],
    );
  });
});
