import assert from 'node:assert/strict';
import type { Question } from '../../../src/core/model';
import { parseChatAnswers } from '../../../src/present/chat/answers';
import { followupsFor, stateOf } from '../../../src/present/chat/followups';
import {
  messagesMarkdown,
  pauseMarkdown,
  questionsMarkdown,
  sessionMarkdown,
  workflowLine,
} from '../../../src/present/chat/session';
import { toolOutcomeLine } from '../../../src/present/chat/tools';
import { message, NOW, view, workflow } from './fixtures';

const platform: Question = {
  question: 'Which platform?',
  options: ['Web', 'iOS'],
  multiSelect: false,
  allowText: false,
};
const extras: Question = { question: 'Extras?', options: ['Dark mode', 'Search'], multiSelect: true, allowText: true };

describe('present/chat: what @bilt writes', () => {
  it('a session: the project and its state, what a pause asks, the latest workflows with links', () => {
    const running = workflow({
      status: 'running',
      message: 'Add a login screen',
      progress: { percentage: 40, currentStep: 'Building' },
    });
    const done = workflow({ id: 'w0', message: 'Start', result: { url: 'https://shop.example.app' } });
    const text = sessionMarkdown({
      projectName: 'shop',
      serverLabel: 'Local engine',
      view: view([running, done]),
      now: NOW,
    });
    assert.match(text, /^\*\*shop\*\* on Local engine: running · 40% Building/);
    assert.match(text, /- Add a login screen — \*\*running\*\* · 40% Building/);
    assert.match(text, /- Start — \*\*completed\*\* 50 s ago — \[open the app\]\(https:\/\/shop\.example\.app\)/);
    const paused = view([workflow({ status: 'paused', pause: { type: 'questions', questions: [platform] } })]);
    assert.match(
      sessionMarkdown({ projectName: 'shop', serverLabel: 'L', view: paused, now: NOW }),
      /Bilt asks:\n\n1\. Which platform\? — `Web` · `iOS`/,
    );
    assert.match(
      sessionMarkdown({ projectName: 'shop', serverLabel: 'L', view: view([]), now: NOW }),
      /No workflow yet: send one with `\/send`/,
    );
  });

  it('escapes what servers and people wrote, and links only http(s) addresses', () => {
    const w = workflow({
      status: 'failed',
      error: 'npm *failed* [x](javascript:alert(1))',
      result: { url: 'javascript:alert(1)' },
    });
    const line = workflowLine(w, NOW);
    assert.doesNotMatch(line, /\]\(javascript/);
    assert.match(line, /npm \\\*failed\\\*/);
    assert.match(
      pauseMarkdown({ type: 'secrets', projectUrl: 'https://app.bilt.me/agent/p1' })!,
      /\[the project page\]\(https:\/\/app\.bilt\.me\/agent\/p1\)/,
    );
    assert.equal(pauseMarkdown(null), undefined);
  });

  it('questions say what they take; messages read oldest first, one line each', () => {
    assert.equal(
      questionsMarkdown([platform, extras]),
      '1. Which platform? — `Web` · `iOS`\n2. Extras? — `Dark mode` · `Search` (one or more) (or your own words)',
    );
    const text = messagesMarkdown([
      message(1, { side: 'user', text: 'Build\nit' }),
      message(2, { variant: 'success', text: 'Deployed' }),
    ]);
    assert.equal(text, '- `10:42:01` **you**: Build it\n- `10:42:02` **Bilt** _success_: Deployed');
    assert.equal(messagesMarkdown([]), 'No messages yet.');
  });

  it('answers typed after /answer: an option in any case, several for multi-select, numbered for several questions', () => {
    assert.deepEqual(parseChatAnswers([platform], 'web'), {
      answers: [{ questionIndex: 0, selectedOptions: ['Web'] }],
    });
    assert.deepEqual(parseChatAnswers([platform], 'Android'), {
      error: '"Android" is not an option of question 1 (options: Web, iOS)',
    });
    assert.deepEqual(parseChatAnswers([platform, extras], '1: iOS; 2: dark mode, search'), {
      answers: [
        { questionIndex: 0, selectedOptions: ['iOS'] },
        { questionIndex: 1, selectedOptions: ['Dark mode', 'Search'] },
      ],
    });
    assert.deepEqual(parseChatAnswers([platform, extras], '1: iOS\n2: a calendar'), {
      answers: [
        { questionIndex: 0, selectedOptions: ['iOS'] },
        { questionIndex: 1, selectedOptions: [], text: 'a calendar' },
      ],
    });
    assert.deepEqual(parseChatAnswers([platform, extras], '1: Web'), {
      error: 'every question needs an answer; missing: 2',
    });
    assert.match((parseChatAnswers([platform, extras], 'Web') as { error: string }).error, /"number: answer"/);
  });

  it('follow-ups offer the obvious next step', () => {
    assert.deepEqual(
      followupsFor({ command: 'send', state: 'questions', questions: [platform] }).map((f) => [f.command, f.prompt]),
      [
        ['answer', 'Web'],
        ['answer', 'iOS'],
      ],
    );
    assert.deepEqual(
      followupsFor({ command: 'send', state: 'questions', questions: [platform, extras] }).map((f) => f.label),
      ['Show the questions'],
    );
    assert.deepEqual(
      followupsFor({ command: 'send', state: 'completed' }).map((f) => f.command),
      ['log'],
    );
    assert.deepEqual(
      followupsFor({ command: 'send', state: 'stopped' }).map((f) => f.command),
      ['status', 'cancel'],
    );
    assert.deepEqual(followupsFor(undefined), []);
    assert.deepEqual(
      [stateOf('paused', 'questions'), stateOf('paused', 'secrets'), stateOf('pending'), stateOf(undefined)],
      ['questions', 'paused', 'running', 'idle'],
    );
  });

  it("a tool's outcome in one line: its refusal in words, or its result cut short", () => {
    const refused = JSON.stringify({
      error: 'A workflow is already in progress',
      details: { message: 'Wait until it finishes' },
    });
    assert.equal(
      toolOutcomeLine('bilt_sendMessage', refused),
      '- `bilt_sendMessage` refused: A workflow is already in progress: Wait until it finishes',
    );
    assert.equal(toolOutcomeLine('bilt_listProjects', '{"projects":[]}'), '- `bilt_listProjects`: `{"projects":[]}`');
    assert.ok(toolOutcomeLine('x', 'y'.repeat(1000)).length < 300);
  });
});
