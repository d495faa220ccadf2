import assert from 'node:assert/strict';
import type { Question } from '../../../src/core/model';
import {
  answerChoices,
  answerFrom,
  cancelConfirmation,
  descriptionInput,
  messageInput,
  OTHER_ANSWER,
  projectNameInput,
  reasonInput,
  resumeDecision,
  sendRefusal,
  serverUrlInput,
} from '../../../src/present/decisions';
import { view, workflow } from './fixtures';

const q = (o: Partial<Question> = {}): Question => ({
  question: 'Which colour?',
  options: ['red', 'blue'],
  multiSelect: false,
  allowText: false,
  ...o,
});
const questions = { type: 'questions' as const, questions: [q()] };

describe('present/decisions: what the commands decide', () => {
  it('message: a live count, refused when empty or over 5000 characters', () => {
    assert.deepEqual(messageInput(''), {
      count: '0 / 5000 characters',
      error: 'Type an instruction for Bilt (at least 1 character)',
    });
    assert.deepEqual(messageInput('x'.repeat(5000)), { count: '5000 / 5000 characters' });
    assert.equal(messageInput('x'.repeat(5001)).error, 'Too long: 5001 / 5000 characters (remove 1)');
  });

  it('cancel reason: at most 500 characters', () => {
    assert.equal(reasonInput(''), undefined);
    assert.equal(reasonInput('x'.repeat(500)), undefined);
    assert.equal(reasonInput('x'.repeat(501)), 'The reason may have at most 500 characters (now 501)');
  });

  it('project names: required, at most 255, letters digits - _, unique in any case', () => {
    assert.equal(projectNameInput('', []), 'A name is required');
    assert.equal(projectNameInput('habit_tracker-2', []), undefined);
    assert.equal(projectNameInput('x'.repeat(255), []), undefined);
    assert.match(projectNameInput('x'.repeat(256), [])!, /At most 255/);
    assert.equal(projectNameInput('my app', []), 'Only letters, digits, hyphens and underscores');
    assert.equal(projectNameInput('Shop', ['shop']), 'A project named "Shop" already exists');
    assert.equal(descriptionInput('x'.repeat(1000)), undefined);
    assert.match(descriptionInput('x'.repeat(1001))!, /At most 1000/);
  });

  it('send: refused while a workflow is queued, running or paused, with the reason', () => {
    assert.equal(sendRefusal(view([])), undefined);
    for (const status of ['completed', 'failed', 'cancelled'] as const) {
      assert.equal(sendRefusal(view([workflow({ status })])), undefined, status);
    }
    assert.match(sendRefusal(view([workflow({ status: 'pending' })]))!, /already queued/);
    assert.match(sendRefusal(view([workflow({ status: 'running' })]))!, /already running/);
    assert.match(sendRefusal(view([workflow({ status: 'paused', pause: { type: 'secrets' } })]))!, /already paused/);
    assert.match(sendRefusal(view([workflow({ status: 'paused', pause: questions })]))!, /waiting for your answers/);
  });

  it('cancel: a confirmation naming the project and progress; refusals for ended or missing workflows', () => {
    const c = cancelConfirmation(
      'shop',
      workflow({ status: 'running', progress: { percentage: 40, currentStep: 'Building' } }),
    );
    assert.equal(c.refusal, undefined);
    assert.match(c.message!, /^Cancel the running workflow of shop \(40% Building\)\? .*cannot be resumed/);
    assert.equal(
      cancelConfirmation('shop', workflow({ status: 'completed' })).refusal,
      'Workflow has already completed',
    );
    assert.equal(
      cancelConfirmation('shop', workflow({ status: 'cancelled' })).refusal,
      'Workflow has already been cancelled',
    );
    assert.equal(cancelConfirmation('shop', undefined).refusal, 'No workflow is running');
  });

  it('resume: questions are answered instead; allowed for pauses and interrupted failures only', () => {
    assert.deepEqual(resumeDecision(workflow({ status: 'paused', pause: questions })), { answerInstead: true });
    assert.deepEqual(resumeDecision(workflow({ status: 'paused', pause: { type: 'supabase' } })), {});
    assert.deepEqual(resumeDecision(workflow({ status: 'failed', interrupted: true })), {});
    assert.match(resumeDecision(workflow({ status: 'failed' })).refusal!, /send a new message/);
    assert.match(resumeDecision(workflow({ status: 'cancelled' })).refusal!, /cannot be resumed/);
    assert.match(resumeDecision(undefined).refusal!, /No workflow to resume/);
  });

  it('answers: choices offer "Other…" only where text is allowed; picks and text become an answer', () => {
    assert.deepEqual(answerChoices(q()), ['red', 'blue']);
    assert.deepEqual(answerChoices(q({ allowText: true })), ['red', 'blue', OTHER_ANSWER]);
    assert.deepEqual(answerChoices(q({ options: [], allowText: true })), []);
    assert.deepEqual(answerFrom(0, q(), ['blue']), { questionIndex: 0, selectedOptions: ['blue'] });
    assert.deepEqual(answerFrom(1, q({ multiSelect: true, allowText: true }), ['red', OTHER_ANSWER], 'green'), {
      questionIndex: 1,
      selectedOptions: ['red'],
      text: 'green',
    });
    assert.deepEqual(answerFrom(2, q({ options: [], allowText: true }), [], 'free text'), {
      questionIndex: 2,
      selectedOptions: [],
      text: 'free text',
    });
    assert.deepEqual(answerFrom(0, q(), ['not offered'], ''), { questionIndex: 0, selectedOptions: [] });
  });

  it('server URLs: http(s) only, no credentials, not twice; plain http beyond this machine warns', () => {
    assert.match(serverUrlInput('').error!, /Type the server URL/);
    assert.match(serverUrlInput('https://').error!, /Type the server URL/);
    assert.match(serverUrlInput('mcp.bilt.me').error!, /Not a URL/);
    assert.match(serverUrlInput('ftp://x.example/mcp').error!, /Only http/);
    assert.match(serverUrlInput('https://me:secret@x.example/mcp').error!, /credentials/);
    assert.match(serverUrlInput('https://mcp.bilt.me/mcp/', ['https://mcp.bilt.me/mcp']).error!, /already configured/);
    assert.deepEqual(serverUrlInput('https://mcp.bilt.me/mcp'), {});
    assert.deepEqual(serverUrlInput('http://127.0.0.1:4000/mcp'), {});
    assert.deepEqual(serverUrlInput('http://localhost:4000/mcp'), {});
    assert.match(serverUrlInput('http://bilt.example.com/mcp').warning!, /unencrypted/);
  });
});
