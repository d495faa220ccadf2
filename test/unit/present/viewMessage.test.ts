import assert from 'node:assert/strict';
import { BiltError } from '../../../src/core/errors';
import { viewMessage } from '../../../src/present/viewMessage';
import { NOW, snapshot } from './fixtures';

const REMOTE = 'https://mcp.bilt.me/mcp';

describe('present/viewMessage: the line above the tree', () => {
  it('a polled server says when it was updated and when it refreshes next', () => {
    assert.equal(
      viewMessage([snapshot({ id: REMOTE, nextRefreshAt: NOW + 40_000 })], NOW),
      'updated 20 s ago · next in 40 s',
    );
    assert.equal(
      viewMessage([snapshot({ id: REMOTE })], NOW),
      'updated 20 s ago · paused while the window is inactive',
    );
  });

  it('rate limited and offline servers say since when the data is and when they retry', () => {
    const at = Date.parse('2026-05-01T11:59:40.000Z');
    assert.equal(
      viewMessage(
        [snapshot({ id: REMOTE, updatedAt: at, status: { state: 'rate-limited', retryAt: NOW + 30_000 } })],
        NOW,
      ),
      'rate limited · data from 11:59 · retrying in 30 s',
    );
    const error = new BiltError('unavailable', 'down');
    assert.equal(
      viewMessage(
        [snapshot({ id: REMOTE, updatedAt: at, status: { state: 'unreachable', error, retryAt: NOW + 120_000 } })],
        NOW,
      ),
      'offline · data from 11:59 · retrying in 2 min',
    );
  });

  it('cached data says so while it refreshes', () => {
    assert.match(
      viewMessage([snapshot({ id: REMOTE, stale: true, status: { state: 'connecting' } })], NOW)!,
      /^showing cached data from \d\d:\d\d · refreshing…$/,
    );
  });

  it('live (pushed) servers say nothing; several servers are named', () => {
    assert.equal(viewMessage([snapshot({ live: true })], NOW), undefined);
    assert.equal(
      viewMessage([snapshot({ live: true }), snapshot({ id: REMOTE, nextRefreshAt: NOW + 5_000 })], NOW),
      'mcp.bilt.me: updated 20 s ago · next in 5 s',
    );
  });

  it('nothing to say before the first data arrives', () => {
    assert.equal(
      viewMessage([snapshot({ id: REMOTE, updatedAt: undefined, status: { state: 'connecting' } })], NOW),
      undefined,
    );
    assert.equal(viewMessage([], NOW), undefined);
  });

  it('says what a ready server lacks (a gateway without message history)', () => {
    const caps = {
      resume: true,
      answerViaSend: false,
      events: false,
      visibility: false,
      createProject: false,
      answers: false,
      pause: true,
      delete: true,
      missing: ['no message history', 'cannot answer questions'],
    };
    const gateway = snapshot({ id: 'http://127.0.0.1:18790', live: true, capabilities: caps });
    assert.equal(viewMessage([gateway], NOW), 'This server: no message history · cannot answer questions');
    assert.match(viewMessage([snapshot({ live: true }), gateway], NOW)!, /^127\.0\.0\.1:18790: no message history/);
    assert.equal(viewMessage([{ ...gateway, status: { state: 'connecting' } }], NOW), undefined);
  });
});
