/** Every documented limit of the seed contract, over the wire: errors name the field and the limit. */
import assert from 'node:assert/strict';
import { invalid } from './support/assertions';
import { newSession, uniqueName, useEngine } from './support/fixture';

describe('wire: seed contract input limits', () => {
  const t = useEngine({ scenario: 'quick.json' });
  let sessionId: string;
  before(async () => ({ sessionId } = await newSession(t.seed)));

  it('message: 1–5000 characters', async () => {
    const send = (message: unknown) => t.seed.callError('bilt_send_message', { session_id: sessionId, message });
    invalid(await send(''), 'message', 'message must be at least 1 character (got 0)', 1);
    invalid(await send('x'.repeat(5001)), 'message', 'message must be at most 5000 characters (got 5001)', 5000);
    invalid(await send(42), 'message', 'message must be a string (got number)');
    invalid(await t.seed.callError('bilt_send_message', { session_id: sessionId }), 'message', 'message is required');
    const ok = await t.seed.call('bilt_send_message', {
      session_id: sessionId,
      message: 'y'.repeat(5000),
      wait_for_response: true,
    });
    assert.equal(ok.status, 'completed', 'exactly 5000 characters are accepted');
  });

  it('wait_for_response must be a boolean', async () => {
    const body = await t.seed.callError('bilt_send_message', {
      session_id: sessionId,
      message: 'hi',
      wait_for_response: 'yes',
    });
    invalid(body, 'wait_for_response', 'wait_for_response must be true or false (got string)');
  });

  it('reason: at most 500 characters (checked before the state)', async () => {
    invalid(
      await t.seed.callError('bilt_cancel_workflow', { session_id: sessionId, reason: 'r'.repeat(501) }),
      'reason',
      'reason must be at most 500 characters (got 501)',
      500,
    );
    const refused = await t.seed.callError('bilt_cancel_workflow', { session_id: sessionId, reason: 'r'.repeat(500) });
    assert.equal(refused.error, 'Cannot cancel workflow', '500 characters pass validation and reach the state rule');
  });

  it('project name: 1–255 letters, digits, hyphens and underscores, unique case-insensitively', async () => {
    const create = (args: Record<string, unknown>) => t.seed.callError('bilt_create_project', args);
    invalid(await create({ name: 'n'.repeat(256) }), 'name', 'name must be at most 255 characters (got 256)', 255);
    invalid(await create({ name: '' }), 'name', /^name must be at least 1 character/, 1);
    invalid(
      await create({ name: 'my app!' }),
      'name',
      'name may contain only letters, digits, hyphens and underscores',
    );
    invalid(await create({ name: 'café' }), 'name', 'name may contain only letters, digits, hyphens and underscores');
    invalid(await create({}), 'name', 'name is required');
    const long = await t.seed.call('bilt_create_project', { name: `N${'n'.repeat(254)}` });
    assert.equal(long.name.length, 255);
    const dup = await create({ name: long.name.toUpperCase() });
    assert.equal(dup.error, 'Project name already exists');
    assert.deepEqual([dup.details.code, dup.details.field, dup.details['project_id']], ['conflict', 'name', long.id]);
    assert.match(String(dup.details.message), /case-insensitive/);
  });

  it('description: at most 1000 characters; visibility PUBLIC or PRIVATE', async () => {
    const body = await t.seed.callError('bilt_create_project', { name: uniqueName(), description: 'd'.repeat(1001) });
    invalid(body, 'description', 'description must be at most 1000 characters (got 1001)', 1000);
    const ok = await t.seed.call('bilt_create_project', { name: uniqueName(), description: 'd'.repeat(1000) });
    assert.equal(ok.description!.length, 1000);
    invalid(
      await t.seed.callError('bilt_create_project', { name: uniqueName(), visibility: 'public' }),
      'visibility',
      'visibility must be "PUBLIC" or "PRIVATE"',
    );
  });

  it('get_messages: limit 1–100 whole numbers, offset ≥ 0', async () => {
    const page = (args: Record<string, unknown>) =>
      t.seed.callError('bilt_get_messages', { session_id: sessionId, ...args });
    invalid(await page({ limit: 0 }), 'limit', 'limit must be at least 1 (got 0)', 1);
    invalid(await page({ limit: 101 }), 'limit', 'limit must be at most 100 (got 101)', 100);
    invalid(await page({ limit: 2.5 }), 'limit', 'limit must be a whole number from 1 to 100 (got 2.5)');
    invalid(await page({ limit: 1e308 }), 'limit', 'limit must be a whole number from 1 to 100 (got 1e+308)');
    invalid(await page({ limit: '10' }), 'limit', 'limit must be a number (got string)');
    invalid(await page({ offset: -1 }), 'offset', 'offset must be at least 0 (got -1)', 0);
    assert.equal(
      (await t.seed.call('bilt_get_messages', { session_id: sessionId, limit: 100, offset: 0 })).has_more,
      false,
    );
    assert.equal((await t.seed.call('bilt_get_messages', { session_id: sessionId, limit: 1 })).messages.length, 1);
  });

  it('ids must be UUIDs, for every tool that takes one', async () => {
    const cases: Array<[Parameters<typeof t.seed.callError>[0], string, Record<string, unknown>]> = [
      ['bilt_get_project', 'project_id', {}],
      ['bilt_get_session', 'session_id', {}],
      ['bilt_get_session', 'project_id', {}],
      ['bilt_send_message', 'session_id', { message: 'hi' }],
      ['bilt_get_messages', 'session_id', {}],
      ['bilt_resume_workflow', 'session_id', {}],
      ['bilt_cancel_workflow', 'session_id', {}],
    ];
    for (const [tool, field, rest] of cases) {
      invalid(
        await t.seed.callError(tool, { ...rest, [field]: 'not-a-uuid' }),
        field,
        `${field} must be a UUID (got "not-a-uuid")`,
      );
    }
    invalid(await t.seed.callError('bilt_get_messages', {}), 'session_id', 'session_id is required');
  });

  it('unknown fields are refused, naming them', async () => {
    invalid(await t.seed.callError('bilt_list_projects', { page: 2 }), 'page', 'unknown field: page');
    const body = await t.seed.callError('bilt_send_message', {
      session_id: sessionId,
      message: 'hi',
      sessionId,
      priority: 'high',
    });
    invalid(body, 'sessionId', 'unknown fields: sessionId, priority');
  });

  it('resume answers must be well-formed', async () => {
    const resume = (answers: unknown) => t.seed.callError('bilt_resume_workflow', { session_id: sessionId, answers });
    invalid(await resume('Blue'), 'answers', 'answers must be an array of {question_index, selected_options?, text?}');
    invalid(
      await resume([{ question_index: -1 }]),
      'answers.0.question_index',
      'answers[].question_index must be at least 0 (got -1)',
      0,
    );
    invalid(
      await resume([{ question_index: 0, text: 't'.repeat(5001) }]),
      'answers.0.text',
      /at most 5000 characters/,
      5000,
    );
  });
});

describe('wire: seed rate limits (--messages-per-hour 2 --projects-per-hour 2)', () => {
  const t = useEngine({ scenario: 'quick.json', flags: ['--messages-per-hour', '2', '--projects-per-hour', '2'] });

  it('the third message within an hour to one project is refused with retry_after; other projects are not affected', async () => {
    const a = await newSession(t.seed);
    for (const m of ['one', 'two']) {
      assert.equal(
        (await t.seed.call('bilt_send_message', { session_id: a.sessionId, message: m, wait_for_response: true }))
          .status,
        'completed',
      );
    }
    const before = await t.seed.call('bilt_get_session', { session_id: a.sessionId });
    const body = await t.seed.callError('bilt_send_message', { session_id: a.sessionId, message: 'three' });
    assert.equal(body.error, 'Rate limit exceeded');
    assert.deepEqual([body.details.code, body.details['limit']], ['rate_limited', 2]);
    const retry = body.details['retry_after'] as number;
    assert.ok(Number.isInteger(retry) && retry > 3500 && retry <= 3600, `retry_after ${retry}`);
    assert.match(String(body.details.message), /At most 2 messages per hour per project; retry in \d+ s/);
    assert.deepEqual(
      await t.seed.call('bilt_get_session', { session_id: a.sessionId }),
      before,
      'nothing was recorded',
    );

    const b = await newSession(t.seed);
    assert.equal(
      (await t.seed.call('bilt_send_message', { session_id: b.sessionId, message: 'one' })).workflow_started,
      true,
    );
  });

  it('the third project within an hour is refused with retry_after', async () => {
    const existing = (await t.seed.call('bilt_list_projects', {})).projects.length;
    for (let i = existing; i < 2; i++) {
      await t.seed.call('bilt_create_project', { name: uniqueName() });
    }
    const body = await t.seed.callError('bilt_create_project', { name: uniqueName() });
    assert.equal(body.error, 'Rate limit exceeded');
    assert.deepEqual([body.details.code, body.details['limit']], ['rate_limited', 2]);
    const retry = body.details['retry_after'] as number;
    assert.ok(Number.isInteger(retry) && retry > 3500 && retry <= 3600, `retry_after ${retry}`);
    assert.equal((await t.seed.call('bilt_list_projects', {})).projects.length, 2);
  });
});
