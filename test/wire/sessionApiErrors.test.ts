/**
 * The Session API's refusals over the wire: every limit (content, prompt, data, task_id, agent_id,
 * queries, unknown fields, body size), 401/403 from the guard, 404, 405 with Allow, the hourly limits
 * as 429 with Retry-After, and that a refused request stores nothing. Errors are {error, code, details}.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_MAX_BYTES, SessionList } from '../../src/core/contract/sessionApi';
import { tempDir } from '../support/tmp';
import { useEngine, uniqueName } from './support/fixture';
import { bearer, request } from './support/http';
import { apiClient, apiSessionReaches, errorOf, invalidField } from './support/sessionApi';

describe('wire: Session API input limits and errors', () => {
  const t = useEngine({ scenario: 'quick.json' });
  const api = apiClient(() => t.engine.ready);
  const countSessions = async () => (await api.ok(SessionList, 'GET', '/api/sessions')).sessions.length;

  it('content: 1–5000 characters, required, a string; unknown fields refused', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('content') });
    const send = (body: unknown) => api.fails(400, 'POST', `/api/sessions/${s.id}/message`, body);
    invalidField(await send({ content: '' }), 'content', 'content must be at least 1 character (got 0)', 1);
    invalidField(
      await send({ content: 'x'.repeat(5001) }),
      'content',
      'content must be at most 5000 characters (got 5001)',
      5000,
    );
    invalidField(await send({}), 'content', 'content is required');
    invalidField(await send(undefined), 'content', 'content is required');
    invalidField(await send({ content: 5 }), 'content', 'content must be a string (got number)');
    invalidField(await send({ content: 'hi', wait: true }), 'wait', 'unknown field: wait');
    invalidField(await send('{"content":'), '(body)', 'The body is not valid JSON');
    assert.equal((await api.session(s.id)).message_count, 0, 'nothing was sent');
  });

  it('create: agent_id required (1–64), prompt 1–5000, task_id 1–255 letters, digits, - and _; unknown fields refused', async () => {
    const before = await countSessions();
    const create = (body: unknown) => api.fails(400, 'POST', '/api/sessions', body);
    invalidField(await create({}), 'agent_id', 'agent_id is required');
    invalidField(await create({ agent_id: '' }), 'agent_id', 'agent_id must be at least 1 character (got 0)', 1);
    invalidField(
      await create({ agent_id: 'A'.repeat(65) }),
      'agent_id',
      'agent_id must be at most 64 characters (got 65)',
      64,
    );
    invalidField(await create({ agent_id: 'EMULATOR', prompt: '' }), 'prompt', /at least 1 character/, 1);
    invalidField(
      await create({ agent_id: 'EMULATOR', prompt: 'x'.repeat(5001) }),
      'prompt',
      'prompt must be at most 5000 characters (got 5001)',
      5000,
    );
    for (const task of ['has space', 'dot.ted', 'ümlaut', 'slash/ed']) {
      invalidField(
        await create({ agent_id: 'EMULATOR', task_id: task }),
        'task_id',
        'task_id may contain only letters, digits, hyphens and underscores',
      );
    }
    invalidField(await create({ agent_id: 'EMULATOR', task_id: '' }), 'task_id', /at least 1 character/, 1);
    invalidField(
      await create({ agent_id: 'EMULATOR', task_id: 'a'.repeat(256) }),
      'task_id',
      'task_id must be at most 255 characters (got 256)',
      255,
    );
    invalidField(await create({ agent_id: 'EMULATOR', status: 'active' }), 'status', 'unknown field: status');
    invalidField(await create({ agent_id: 'EMULATOR', id: 'x', name: 'y' }), 'id', 'unknown fields: id, name');
    invalidField(await create([]), '(input)', /expected object/);
    assert.equal(await countSessions(), before, 'nothing was created');
    assert.ok((await api.create({ agent_id: 'EMULATOR', task_id: 'a'.repeat(255) })).task_id!.length === 255);
  });

  it('an unknown agent_id is 400 listing the known ones; a COMMAND agent without --agent-command is 400', async () => {
    const unknown = await api.fails(400, 'POST', '/api/sessions', { agent_id: 'gpt-engineer' });
    invalidField(
      unknown,
      'agent_id',
      'Unknown agent "gpt-engineer"; known agents: BUILDER, EMULATOR, COMMAND, CLAUDE_CODE, CODEX',
    );
    assert.deepEqual(unknown.details['known'], ['BUILDER', 'EMULATOR', 'COMMAND', 'CLAUDE_CODE', 'CODEX']);
    const command = await api.fails(400, 'POST', '/api/sessions', { agent_id: 'command', task_id: uniqueName('c') });
    invalidField(command, 'agent_id', /COMMAND agent cannot run here: .*--agent-command/);
  });

  it('data: an object of at most 16 KiB, workdir an existing directory (absolute), model a plain name; refusals store nothing', async () => {
    const task = uniqueName('data');
    const create = (data: unknown) =>
      api.fails(400, 'POST', '/api/sessions', { agent_id: 'EMULATOR', task_id: task, data });
    invalidField(await create([1]), 'data', 'data must be an object');
    invalidField(await create('x'), 'data', 'data must be an object');
    invalidField(
      await create({ blob: 'x'.repeat(DATA_MAX_BYTES) }),
      'data',
      `data must be at most ${DATA_MAX_BYTES} bytes as JSON (got ${DATA_MAX_BYTES + 11})`,
      DATA_MAX_BYTES,
    );
    const missing = path.join(tempDir('bilt-workdir-'), 'missing');
    invalidField(
      await create({ workdir: missing }),
      'data.workdir',
      `data.workdir ${JSON.stringify(missing)} does not exist`,
    );
    invalidField(
      await create({ workdir: 'relative/dir' }),
      'data.workdir',
      'data.workdir must be an absolute path (got "relative/dir")',
    );
    const file = path.join(tempDir('bilt-workdir-'), 'file.txt');
    writeFileSync(file, 'not a directory');
    invalidField(
      await create({ workdir: file }),
      'data.workdir',
      `data.workdir ${JSON.stringify(file)} is not a directory`,
    );
    invalidField(await create({ workdir: 7 }), 'data.workdir', 'data.workdir must be a string of 1–4096 characters');
    invalidField(await create({ model: '' }), 'data.model', 'data.model must be a string of 1–4096 characters');
    invalidField(
      await create({ model: 'gpt; rm -rf /' }),
      'data.model',
      'data.model may contain only letters, digits and . _ : / @ + -',
    );
    const { sessions } = await api.ok(SessionList, 'GET', `/api/sessions?task_id=${task}`);
    assert.deepEqual(sessions, []);
    assert.ok(
      !(await t.seed.call('bilt_list_projects')).projects.some((p) => p.name === task),
      'no project was created for a refused session',
    );

    const dir = tempDir('bilt-workdir-');
    mkdirSync(path.join(dir, 'sub'));
    const s = await api.create({ agent_id: 'EMULATOR', task_id: task, data: { workdir: path.join(dir, 'sub') } });
    const half = 'x'.repeat(DATA_MAX_BYTES / 2);
    await api.ok(SessionList, 'GET', '/api/sessions');
    const first = await api.raw('PATCH', `/api/sessions/${s.id}`, { data: { one: half } });
    assert.equal(first.status, 200, first.text);
    const merged = await api.fails(400, 'PATCH', `/api/sessions/${s.id}`, { data: { two: half }, prompt: 'kept?' });
    invalidField(merged, 'data', /^data must be at most 16384 bytes as JSON \(got \d+\)$/, DATA_MAX_BYTES);
    const after = await api.session(s.id);
    assert.deepEqual(
      [Object.keys(after.data), after.prompt],
      [['workdir', 'one'], null],
      'the refused merge stored nothing',
    );
    invalidField(
      await api.fails(400, 'PATCH', `/api/sessions/${s.id}`, { data: { workdir: missing } }),
      'data.workdir',
      /does not exist/,
    );
  });

  it('PATCH: at least one field, settable statuses only, unknown fields refused', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('patch') });
    const patch = (body: unknown) => api.fails(400, 'PATCH', `/api/sessions/${s.id}`, body);
    invalidField(await patch({}), 'status', 'give at least one of status, data, prompt');
    for (const status of ['completed', 'created', 'running', 'cancelled']) {
      invalidField(await patch({ status }), 'status', 'status can be set to active, paused or failed');
    }
    invalidField(await patch({ prompt: 'x'.repeat(5001) }), 'prompt', /at most 5000 characters/, 5000);
    invalidField(await patch({ agent_id: 'CODEX' }), 'agent_id', 'unknown field: agent_id');
    assert.deepEqual(await api.session(s.id), s);
  });

  it('queries: validated filters, limit 1–100, after ≥ 0, each once, no unknown parameters', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('query') });
    const get = (query: string) => api.fails(400, 'GET', query);
    invalidField(
      await get('/api/sessions?status=running'),
      'status',
      'status must be one of created, active, paused, completed, failed',
    );
    invalidField(await get('/api/sessions?owner=me'), 'owner', 'unknown field: owner');
    invalidField(await get('/api/sessions?status=active&status=paused'), 'status', 'status may be given only once');
    const messages = `/api/sessions/${s.id}/messages`;
    invalidField(await get(`${messages}?limit=0`), 'limit', 'limit must be at least 1 (got 0)', 1);
    invalidField(await get(`${messages}?limit=101`), 'limit', 'limit must be at most 100 (got 101)', 100);
    invalidField(await get(`${messages}?limit=ten`), 'limit', 'limit must be a whole number from 1 to 100 (got "ten")');
    const afterRange = 'after must be a whole number from 0 to 9007199254740991';
    invalidField(await get(`${messages}?after=-1`), 'after', `${afterRange} (got "-1")`);
    invalidField(await get(`${messages}?after=1.5`), 'after', `${afterRange} (got "1.5")`);
    invalidField(await get(`${messages}?after=${'9'.repeat(400)}`), 'after', `${afterRange} (got Infinity)`);
    invalidField(await get(`${messages}?offset=3`), 'offset', 'unknown field: offset');
    invalidField(await get(`/api/sessions/${s.id}?verbose=1`), 'verbose', 'unknown field: verbose');
    invalidField(await get(`/api/openapi.json?v=2`), 'v', 'unknown field: v');
  });

  it('a body over 1 MiB is 413; the limit is in details', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('big') });
    const big = JSON.stringify({ content: 'x'.repeat(1024 * 1024) });
    for (const [method, url] of [
      ['POST', '/api/sessions'],
      ['POST', `/api/sessions/${s.id}/message`],
      ['PATCH', `/api/sessions/${s.id}`],
    ] as const) {
      const body = errorOf(await api.raw(method, url, big), 413, `${method} ${url}`);
      assert.deepEqual(
        [body.error, body.code, body.details['limit']],
        ['Request too large', 'payload_too_large', 1024 * 1024],
      );
    }
    assert.equal((await api.session(s.id)).message_count, 0);
  });

  it('401 without the token and 403 for a foreign Host or Origin, in the API’s error shape', async () => {
    const ready = t.engine.ready;
    for (const headers of [{}, { authorization: 'Bearer wrong' }] as Array<Record<string, string>>) {
      const res = await request(ready, '/api/sessions', { headers });
      const body = errorOf(res, 401);
      assert.deepEqual([body.error, body.code], ['Invalid or expired API key', 'unauthorized']);
      assert.equal(res.headers['www-authenticate'], 'Bearer');
    }
    for (const headers of [{ host: 'evil.example' }, { origin: 'http://evil.example' }] as Array<
      Record<string, string>
    >) {
      const body = errorOf(await request(ready, '/api/sessions', { headers: { ...bearer(ready), ...headers } }), 403);
      assert.deepEqual([body.error, body.code], ['Forbidden', 'forbidden']);
    }
    assert.equal((await request(ready, '/api/openapi.json')).status, 401, 'the document needs the token too');
  });

  it('404 for unknown sessions (any id) and unknown paths under /api', async () => {
    for (const id of [randomUUID(), 'not-a-uuid', '%E0%A4%A']) {
      for (const [method, suffix, body] of [
        ['GET', '', undefined],
        ['PATCH', '', { prompt: 'x' }],
        ['DELETE', '', undefined],
        ['POST', '/message', { content: 'x' }],
        ['GET', '/messages', undefined],
      ] as const) {
        const res = await api.fails(404, method, `/api/sessions/${id}${suffix}`, body);
        assert.deepEqual([res.error, res.code], ['Session not found', 'not_found'], `${method} ${suffix}`);
      }
    }
    const unknown = await api.fails(404, 'PATCH', `/api/sessions/${randomUUID()}`, { status: 'bogus' });
    assert.equal(unknown.code, 'not_found', 'an unknown session is 404 before its body is read');
    for (const url of ['/api', '/api/nope', '/api/session', '/api/sessions/x/y', '/api/sessions/x/message/y']) {
      const res = await api.fails(404, 'GET', url);
      assert.deepEqual(
        [res.error, res.code, res.details['message']],
        ['Not found', 'not_found', `No route GET ${url}`],
      );
    }
  });

  it('405 with an Allow header for a method a path does not offer', async () => {
    const s = await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('methods') });
    const cases: Array<[string, string, string]> = [
      ['PUT', '/api/sessions', 'GET, POST'],
      ['DELETE', '/api/sessions', 'GET, POST'],
      ['POST', `/api/sessions/${s.id}`, 'GET, PATCH, DELETE'],
      ['PUT', `/api/sessions/${s.id}`, 'GET, PATCH, DELETE'],
      ['GET', `/api/sessions/${s.id}/message`, 'POST'],
      ['POST', `/api/sessions/${s.id}/messages`, 'GET'],
      ['POST', '/api/openapi.json', 'GET'],
    ];
    for (const [method, url, allow] of cases) {
      const res = await api.raw(method, url, method === 'GET' ? undefined : {});
      const body = errorOf(res, 405, `${method} ${url}`);
      assert.equal(res.headers['allow'], allow, `${method} ${url}`);
      assert.deepEqual([body.error, body.code], ['Method not allowed', 'method_not_allowed']);
    }
  });
});

describe('wire: Session API hourly limits (--messages-per-hour 2)', () => {
  const t = useEngine({ scenario: 'quick.json', flags: ['--messages-per-hour', '2'] });
  const api = apiClient(() => t.engine.ready);

  it('the third message of the hour is 429 with Retry-After; a prompt in that task is refused too, storing nothing', async () => {
    const task = uniqueName('limited');
    const s = await api.create({ agent_id: 'EMULATOR', task_id: task, prompt: 'One' });
    await apiSessionReaches(api, s.id, ['completed']);
    assert.equal((await api.raw('POST', `/api/sessions/${s.id}/message`, { content: 'Two' })).status, 200);
    const done = await apiSessionReaches(api, s.id, ['completed']);

    const res = await api.raw('POST', `/api/sessions/${s.id}/message`, { content: 'Three' });
    const body = errorOf(res, 429);
    assert.deepEqual([body.error, body.code, body.details['limit']], ['Rate limit exceeded', 'rate_limited', 2]);
    const retryAfter = Number(res.headers['retry-after']);
    assert.ok(Number.isInteger(retryAfter) && retryAfter > 3500 && retryAfter <= 3600, `Retry-After ${retryAfter}`);
    assert.equal(body.details['retry_after'], retryAfter);
    assert.match(String(body.details['message']), /At most 2 messages per hour per project; retry in \d+ s/);
    assert.deepEqual(await api.session(s.id), done, 'the refused message changed nothing');

    const prompted = await api.raw('POST', '/api/sessions', { agent_id: 'EMULATOR', task_id: task, prompt: 'Four' });
    assert.equal(errorOf(prompted, 429).code, 'rate_limited');
    assert.ok(prompted.headers['retry-after']);
    const { sessions } = await api.ok(SessionList, 'GET', `/api/sessions?task_id=${task}`);
    assert.deepEqual(
      sessions.map((x) => x.id),
      [s.id],
      'the refused create stored no session',
    );
    assert.equal(
      (await api.create({ agent_id: 'EMULATOR', task_id: task })).status,
      'created',
      'without a prompt it is fine',
    );
  });
});

describe('wire: Session API project limits (--projects-per-hour 2)', () => {
  const t = useEngine({ scenario: 'quick.json', flags: ['--projects-per-hour', '2'] });
  const api = apiClient(() => t.engine.ready);

  it('a session in a new project counts as a project creation: the third is 429; an existing task still works', async () => {
    const first = await api.create({ agent_id: 'EMULATOR' });
    await api.create({ agent_id: 'EMULATOR', task_id: uniqueName('second') });
    for (const body of [{ agent_id: 'EMULATOR' }, { agent_id: 'EMULATOR', task_id: uniqueName('third') }]) {
      const res = await api.raw('POST', '/api/sessions', body);
      const error = errorOf(res, 429);
      assert.deepEqual([error.code, error.details['limit']], ['rate_limited', 2]);
      assert.equal(res.headers['retry-after'], String(error.details['retry_after']));
    }
    assert.equal((await api.ok(SessionList, 'GET', '/api/sessions')).sessions.length, 2);
    const again = await api.create({ agent_id: 'EMULATOR', task_id: first.task_id });
    assert.equal(again.project_id, first.project_id);
  });
});
