/** Assertions on the contract's `{error, details}` bodies. */
import assert from 'node:assert/strict';
import type { ErrorBody } from './mcp';

/** `Invalid request body` naming the field, the message and (when the rule has one) the limit. */
export function invalid(body: ErrorBody, field: string, message: RegExp | string, limit?: number): void {
  assert.equal(body.error, 'Invalid request body', JSON.stringify(body));
  assert.equal(body.details.code, 'invalid_input');
  assert.equal(body.details.field, field, JSON.stringify(body));
  if (typeof message === 'string') {
    assert.equal(body.details.message, message);
  } else {
    assert.match(String(body.details.message), message);
  }
  assert.equal(body.details['limit'], limit, `limit of ${field}`);
}

/** A state rule's refusal (`Cannot cancel workflow`, `A workflow is already in progress`, …) with current_status. */
export function refused(body: ErrorBody, error: string, currentStatus: string, message: string | RegExp): void {
  assert.equal(body.error, error, JSON.stringify(body));
  assert.equal(body.details['current_status'], currentStatus, JSON.stringify(body));
  if (typeof message === 'string') {
    assert.equal(body.details.message, message);
  } else {
    assert.match(String(body.details.message), message);
  }
}
