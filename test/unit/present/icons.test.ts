import assert from 'node:assert/strict';
import { SESSION_STATUSES, PAUSE_TYPES } from '../../../src/core/status';
import { statusLook } from '../../../src/present/icons';

describe('present/icons: how a state looks', () => {
  it('every session status has an icon and words (never color alone)', () => {
    for (const s of SESSION_STATUSES) {
      const look = statusLook(s);
      assert.ok(look.icon, `${s} has no icon`);
      assert.ok(look.words.length > 2, `${s} has no words`);
    }
    assert.equal(statusLook('pending').words, 'queued');
  });

  it('distinct statuses look distinct', () => {
    const icons = SESSION_STATUSES.map((s) => statusLook(s).icon);
    assert.equal(new Set(icons).size, icons.length);
  });

  it('a pause for questions says it needs answers; other pauses say what they need', () => {
    assert.equal(statusLook('paused', 'questions').words, 'needs your answers');
    assert.match(statusLook('paused', 'secrets').words, /secrets/);
    assert.match(statusLook('paused', 'supabase').words, /Supabase/);
    assert.equal(statusLook('paused', null).words, 'paused');
    for (const p of PAUSE_TYPES) {
      assert.ok(statusLook('paused', p).color, `a ${p} pause is highlighted`);
    }
  });

  it('only a running workflow spins', () => {
    for (const s of SESSION_STATUSES) {
      assert.equal(statusLook(s).icon.endsWith('~spin'), s === 'running', s);
    }
  });
});
