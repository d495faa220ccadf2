import assert from 'node:assert/strict';
import type { Question } from '../../../src/core/model';
import { parseTranscriptQuery, transcriptPath, transcriptQuery } from '../../../src/present/transcriptAddress';
import { transcriptDocument, type TranscriptSource } from '../../../src/present/transcriptDocument';
import { messageLines, turnsOf } from '../../../src/present/transcriptTurns';
import { message, workflow } from './fixtures';

const platform: Question = {
  question: 'Which platform?',
  options: ['Web', 'iOS'],
  multiSelect: false,
  allowText: false,
};

function source(o: Partial<TranscriptSource> = {}): TranscriptSource {
  return {
    projectName: 'habit-tracker',
    sessionId: 's1',
    serverLabel: 'Local engine',
    workflows: [],
    messages: [],
    earlier: 0,
    following: { state: 'live' },
    ...o,
  };
}

describe('present/transcriptDocument: the live transcript as Markdown', () => {
  it('one section per turn: the instruction and the state words, then the messages as lines', () => {
    const first = workflow({ id: 'w1', message: 'Add a login screen', result: { url: 'https://a.example.app' } });
    const second = workflow({
      id: 'w2',
      status: 'running',
      message: 'Add a dark mode\nwith a toggle',
      progress: { percentage: 40, currentStep: 'Building' },
    });
    const text = transcriptDocument(
      source({
        workflows: [second, first],
        messages: [
          message(1, { side: 'user', text: 'Add a login screen' }),
          message(2, { text: 'Planning' }),
          message(3, { variant: 'log', text: 'Compiling `app`' }),
          message(4, { variant: 'success', text: 'Workflow completed.' }),
          message(5, { workflowId: 'w2', side: 'user', text: 'Add a dark mode\nwith a toggle' }),
          message(6, { workflowId: 'w2', variant: 'error', text: 'Lint failed' }),
        ],
      }),
    );
    assert.equal(
      text,
      [
        '# habit-tracker',
        '',
        'Session `s1` on Local engine · 6 messages · following live',
        '',
        '## Add a login screen — _completed_',
        '',
        '- `10:42:01` **You**: Add a login screen',
        '- `10:42:02` **Bilt**: Planning',
        "- `10:42:03` ▸ `Compiling 'app'`",
        '- `10:42:04` ✓ Workflow completed.',
        '',
        '**Result:** [open the app](https://a.example.app)',
        '',
        '## Add a dark mode with a toggle — _running · 40% Building_',
        '',
        '- `10:42:05` **You**: Add a dark mode',
        '  with a toggle',
        '- `10:42:06` ✗ Lint failed',
        '',
      ].join('\n'),
    );
  });

  it('a pause shows its questions, one line each, under "Bilt asks"; other pauses say what they need', () => {
    const paused = workflow({
      status: 'paused',
      message: 'Build a todo app',
      pause: { type: 'questions', questions: [platform, { ...platform, question: 'Two\nlines?', options: [] }] },
    });
    const text = transcriptDocument(source({ workflows: [paused], messages: [message(1, { side: 'user' })] }));
    assert.match(
      text,
      /## Build a todo app — _needs your answers_\n\n- .*\n\n\*\*Bilt asks:\*\*\n\n1\. Which platform\? — `Web` · `iOS`\n2\. Two lines\? \(in your words\)\n$/,
    );
    const secrets = workflow({
      status: 'paused',
      pause: { type: 'secrets', projectUrl: 'https://bilt.example/p1', message: 'Stripe key' },
    });
    assert.match(
      transcriptDocument(source({ workflows: [secrets] })),
      /_No messages yet\._\n\nBilt needs secrets \(API keys\): Stripe key add them at \[the project page\]\(https:\/\/bilt\.example\/p1\), then continue\.\n$/,
    );
  });

  it('text from a server cannot open a section, a list or a link; only http(s) results are links', () => {
    const w = workflow({ message: '## [x](command:evil)', result: { url: 'javascript:alert(1)', summary: 'Built' } });
    const text = transcriptDocument(
      source({
        workflows: [w],
        messages: [message(1, { text: 'see [here](command:bilt.deleteSession)\n## not a heading\n\n<b>' })],
      }),
    );
    assert.equal(text.match(/^## /gm)?.length, 1);
    assert.match(text, /^## \\#\\# \\\[x\\\]\\\(command:evil\\\) — _completed_$/m);
    assert.match(
      text,
      /\*\*Bilt\*\*: see \\\[here\\\]\\\(command:bilt\.deleteSession\\\)\n {2}\\#\\# not a heading\n {2}\n {2}\\<b\\>/,
    );
    assert.match(text, /\*\*Result:\*\* Built — `javascript:alert\(1\)`/);
    assert.doesNotMatch(text, /\]\(javascript/);
  });

  it('turns: consecutive messages of one workflow; the latest workflow has one before its first message', () => {
    const turns = turnsOf(
      [
        message(1),
        message(2, { workflowId: null }),
        message(3, { workflowId: null }),
        message(4, { workflowId: 'w1' }),
      ],
      [workflow({ id: 'w9', status: 'pending' }), workflow({ id: 'w1' })],
    );
    assert.deepEqual(
      turns.map((t) => [t.workflowId, t.messages.length, t.workflow?.id]),
      [
        ['w1', 1, 'w1'],
        [null, 2, undefined],
        ['w1', 1, 'w1'],
        ['w9', 0, 'w9'],
      ],
    );
  });

  it('the header says what is not shown and how following goes; a partial first turn still has a title', () => {
    const text = transcriptDocument(
      source({ earlier: 3, messages: [message(4, { workflowId: 'w0' })], following: { state: 'loading' } }),
    );
    assert.match(
      text,
      /^# habit-tracker\n\nSession `s1` on Local engine · 4 messages · loading…\n… 3 earlier messages not shown \(Bilt: Export Transcript has them all\)\n\n## Earlier messages\n/,
    );
    assert.match(
      transcriptDocument(source({ following: { state: 'retrying', reason: 'fetch failed', inSeconds: 4 } })),
      /0 messages · reconnecting in 4 s: fetch failed\n\n_No messages yet: send one with Bilt: Send Message\._\n$/,
    );
    assert.equal(transcriptDocument(source({ following: { state: 'loading' } })).split('\n').length, 4);
  });

  it('a message with several lines keeps them inside its list item, log lines as code', () => {
    assert.deepEqual(messageLines(message(7, { variant: 'log', text: 'a\r\nb_c' })), ['- `10:42:07` ▸ `a`', '  `b_c`']);
    assert.deepEqual(messageLines(message(8, { side: 'user', text: '' })), ['- `10:42:08` **You**:']);
  });

  it('the address: a readable path and the ids in the query, read back', () => {
    assert.equal(transcriptPath('my app'), '/my app.md');
    assert.equal(transcriptPath('a/b\\c?#'), '/a-b-c-.md');
    assert.equal(transcriptPath(' '), '/transcript.md');
    const address = { serverId: 'https://x.example/mcp', projectId: 'p 1', sessionId: 's&1' };
    assert.deepEqual(parseTranscriptQuery(transcriptQuery(address)), address);
    assert.equal(parseTranscriptQuery('server=local&project=p1'), undefined);
  });
});
