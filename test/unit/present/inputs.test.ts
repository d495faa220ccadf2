import assert from 'node:assert/strict';
import type { Question } from '../../../src/core/model';
import {
  answerChoices,
  answerFrom,
  descriptionInput,
  messageInput,
  OTHER_ANSWER,
  projectNameInput,
  reasonInput,
  serverUrlInput,
} from '../../../src/present/inputs';

const q = (o: Partial<Question> = {}): Question => ({
  question: 'Which colour?',
  options: ['red', 'blue'],
  multiSelect: false,
  allowText: false,
  ...o,
});

describe('present/inputs: what people type, checked as they type', () => {
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
