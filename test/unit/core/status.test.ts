import assert from 'node:assert/strict';
import {
  canCancel,
  cancelRefusal,
  canResume,
  canTransition,
  fromLiveStatus,
  isActive,
  LIVE_STATUS,
  resumeRefusal,
  SESSION_STATUSES,
  WORKFLOW_STATUSES,
} from '../../../src/core/status';

describe('core/status: the state rules', () => {
  it('cancel is allowed exactly from running, paused and pending', () => {
    const allowed = SESSION_STATUSES.filter(canCancel);
    assert.deepEqual([...allowed].sort(), ['paused', 'pending', 'running']);
    assert.equal(cancelRefusal('completed'), 'Workflow has already completed');
    assert.equal(cancelRefusal('cancelled'), 'Workflow has already been cancelled');
    assert.equal(cancelRefusal('running'), undefined);
  });

  it('a cancelled workflow is never resumed; paused always is; failed only when interrupted', () => {
    assert.equal(canResume('cancelled'), false);
    assert.equal(canResume('cancelled', true), false);
    assert.equal(canResume('paused'), true);
    assert.equal(canResume('failed'), false);
    assert.equal(canResume('failed', true), true);
    assert.equal(canResume('completed', true), false);
    assert.match(resumeRefusal('cancelled')!, /cannot be resumed/);
  });

  it('active statuses hold the session', () => {
    assert.deepEqual(SESSION_STATUSES.filter(isActive), ['pending', 'running', 'paused']);
  });

  it('terminal states have no way out except an interrupted failure going back to pending', () => {
    for (const to of WORKFLOW_STATUSES) {
      assert.equal(canTransition('completed', to), false);
      assert.equal(canTransition('cancelled', to), false);
    }
    assert.equal(canTransition('failed', 'pending'), true);
    assert.equal(canTransition('pending', 'paused'), false);
    assert.equal(canTransition('running', 'paused'), true);
  });

  it('maps to and from the live contract words', () => {
    assert.equal(LIVE_STATUS.pending, 'queued');
    assert.equal(LIVE_STATUS.failed, 'error');
    for (const s of WORKFLOW_STATUSES) {
      assert.equal(fromLiveStatus(LIVE_STATUS[s]), s);
    }
    assert.equal(fromLiveStatus('failed'), 'failed');
    assert.equal(fromLiveStatus('timeout'), undefined);
  });
});
