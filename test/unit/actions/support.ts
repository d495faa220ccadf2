import assert from 'node:assert/strict';
import type { Outcome } from '../../../src/actions/outcome';

export function doneValue<T>(o: Outcome<T>): T {
  assert.equal(o.kind, 'done', `expected done, got ${JSON.stringify(o)}`);
  return (o as { value: T }).value;
}

/** A refusal with this code, error and (details) sentence; returns its details. */
export function refusal(o: Outcome<unknown>, code: string, error: string, message?: RegExp): Record<string, unknown> {
  assert.equal(o.kind, 'refused', `expected refused, got ${JSON.stringify(o)}`);
  const r = o as Extract<Outcome<unknown>, { kind: 'refused' }>;
  assert.equal(r.error.code, code);
  assert.equal(r.error.message, error);
  if (message) {
    assert.match(String(r.error.details['message']), message);
    assert.ok(r.reason.includes(String(r.error.details['message'])), 'the reason for people carries the same sentence');
  }
  return r.error.details;
}

export function confirmation(o: Outcome<unknown>) {
  assert.equal(o.kind, 'confirm', `expected a confirmation, got ${JSON.stringify(o)}`);
  return o as Extract<Outcome<unknown>, { kind: 'confirm' }>;
}
