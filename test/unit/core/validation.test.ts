import assert from 'node:assert/strict';
import { liveInputs } from '../../../src/core/contract/live';
import { seedInputs } from '../../../src/core/contract/seed';
import { CreateSessionBody } from '../../../src/core/contract/sessionApi';
import { BiltError } from '../../../src/core/errors';
import { parseInput } from '../../../src/core/validation';

function failure(fn: () => unknown): Record<string, unknown> {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof BiltError, `expected a BiltError, got ${String(e)}`);
    assert.equal(e.message, 'Invalid request body');
    return e.details;
  }
  assert.fail('expected the input to be refused');
}

const sid = '550e8400-e29b-41d4-a716-446655440000';

describe('core/validation: every limit names its field and the limit', () => {
  it('message 1–5000 characters', () => {
    assert.equal(
      parseInput(seedInputs.bilt_send_message, { session_id: sid, message: 'x'.repeat(5000) }).message.length,
      5000,
    );
    const long = failure(() =>
      parseInput(seedInputs.bilt_send_message, { session_id: sid, message: 'x'.repeat(5001) }),
    );
    assert.equal(long.field, 'message');
    assert.equal(long.limit, 5000);
    assert.match(String(long.message), /message must be at most 5000 characters \(got 5001\)/);
    const empty = failure(() => parseInput(seedInputs.bilt_send_message, { session_id: sid, message: '' }));
    assert.equal(empty.field, 'message');
    assert.equal(empty.limit, 1);
  });

  it('reason at most 500 characters', () => {
    const d = failure(() => parseInput(seedInputs.bilt_cancel_workflow, { session_id: sid, reason: 'r'.repeat(501) }));
    assert.deepEqual([d.field, d.limit], ['reason', 500]);
    assert.doesNotThrow(() =>
      parseInput(seedInputs.bilt_cancel_workflow, { session_id: sid, reason: 'r'.repeat(500) }),
    );
  });

  it('project name: at most 255 of [A-Za-z0-9_-]; description at most 1000', () => {
    assert.doesNotThrow(() => parseInput(seedInputs.bilt_create_project, { name: 'a'.repeat(255) }));
    assert.deepEqual(failure(() => parseInput(seedInputs.bilt_create_project, { name: 'a'.repeat(256) })).limit, 255);
    const bad = failure(() => parseInput(seedInputs.bilt_create_project, { name: 'my app!' }));
    assert.equal(bad.field, 'name');
    assert.match(String(bad.message), /letters, digits, hyphens and underscores/);
    const desc = failure(() =>
      parseInput(seedInputs.bilt_create_project, { name: 'ok', description: 'd'.repeat(1001) }),
    );
    assert.deepEqual([desc.field, desc.limit], ['description', 1000]);
    assert.equal(
      failure(() => parseInput(seedInputs.bilt_create_project, { name: 'ok', visibility: 'public' })).field,
      'visibility',
    );
  });

  it('messages limit 1–100 and offset ≥ 0, whole numbers', () => {
    for (const [input, field, limit] of [
      [{ limit: 0 }, 'limit', 1],
      [{ limit: 101 }, 'limit', 100],
      [{ offset: -1 }, 'offset', 0],
    ] as const) {
      const d = failure(() => parseInput(seedInputs.bilt_get_messages, { session_id: sid, ...input }));
      assert.deepEqual([d.field, d.limit], [field, limit]);
    }
    assert.match(
      String(failure(() => parseInput(seedInputs.bilt_get_messages, { session_id: sid, limit: 2.5 })).message),
      /whole number/,
    );
  });

  it('ids must be UUIDs and unknown fields are refused by name', () => {
    assert.match(
      String(failure(() => parseInput(seedInputs.bilt_get_session, { session_id: 'sess_xyz' })).message),
      /session_id must be a UUID/,
    );
    assert.match(
      String(failure(() => parseInput(seedInputs.bilt_get_session, { sessionId: sid })).message),
      /unknown field: sessionId/,
    );
    assert.equal(failure(() => parseInput(seedInputs.bilt_get_session, { sessionId: sid })).field, 'sessionId');
    assert.equal(failure(() => parseInput(seedInputs.bilt_send_message, { message: 'hi' })).field, 'session_id');
  });

  it('live: answers is a JSON-encoded array, and message or answers is required', () => {
    const pid = sid;
    const ok = parseInput(liveInputs.bilt_send_message, {
      projectId: pid,
      answers: '[{"questionIndex":0,"selectedOptions":["A"]}]',
    });
    assert.deepEqual(ok.answers, [{ questionIndex: 0, selectedOptions: ['A'] }]);
    assert.match(
      String(failure(() => parseInput(liveInputs.bilt_send_message, { projectId: pid, answers: '{not json' })).message),
      /JSON-encoded/,
    );
    assert.equal(
      failure(() => parseInput(liveInputs.bilt_send_message, { projectId: pid, answers: '[{"questionIndex":-1}]' }))
        .field,
      'answers.0.questionIndex',
    );
    assert.match(
      String(failure(() => parseInput(liveInputs.bilt_send_message, { projectId: pid })).message),
      /message or answers is required/,
    );
  });

  it('absurd numbers name the field and its whole range (1e308, fractions, Infinity, beyond 2^53)', () => {
    const limit = (value: unknown) =>
      failure(() => parseInput(seedInputs.bilt_get_messages, { session_id: sid, limit: value }));
    for (const [value, got] of [
      [1e308, '1e+308'],
      [2.5, '2.5'],
      [Infinity, 'Infinity'],
      [2 ** 60, '1152921504606847000'],
    ] as const) {
      const d = limit(value);
      assert.equal(d.field, 'limit');
      assert.equal(d.message, `limit must be a whole number from 1 to 100 (got ${got})`);
      assert.equal(d.issues, undefined, 'one issue, not one per broken rule');
    }
    const offset = failure(() => parseInput(seedInputs.bilt_get_messages, { session_id: sid, offset: 1e308 }));
    assert.equal(offset.message, 'offset must be a whole number from 0 to 9007199254740991 (got 1e+308)');
  });

  it('quotes at most a short excerpt of what was sent: deep values, long strings', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) {
      deep = [deep];
    }
    const nested = failure(() => parseInput(seedInputs.bilt_get_session, { session_id: deep }));
    assert.deepEqual([nested.field, nested.message], ['session_id', 'session_id must be a UUID (got array)']);
    const object = failure(() => parseInput(seedInputs.bilt_get_session, { session_id: { a: 1 } }));
    assert.equal(object.message, 'session_id must be a UUID (got object)');
    const answers = failure(() => parseInput(liveInputs.bilt_send_message, { projectId: sid, answers: deep }));
    assert.deepEqual([answers.field, answers.message], ['answers', 'answers must be a string (got array)']);
    const long = failure(() => parseInput(seedInputs.bilt_get_session, { session_id: 'a'.repeat(1_000_000) }));
    assert.equal(long.message, `session_id must be a UUID (got "${'a'.repeat(40)}"… (1000000 characters))`);
  });

  it('session data nested deeper than 32 levels is refused by name (no stack overflow measuring it)', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) {
      deep = [deep];
    }
    const d = failure(() => parseInput(CreateSessionBody, { agent_id: 'EMULATOR', data: { deep } }));
    assert.deepEqual([d.field, d.message], ['data', 'data may nest at most 32 levels deep']);
    let ok: unknown = 1;
    for (let i = 0; i < 31; i++) {
      ok = { ok };
    }
    assert.doesNotThrow(() => parseInput(CreateSessionBody, { agent_id: 'EMULATOR', data: { ok } }));
  });
});
