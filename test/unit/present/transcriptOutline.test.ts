import assert from 'node:assert/strict';
import { transcriptDocument } from '../../../src/present/transcriptDocument';
import { linksIn, plainText, questionsIn, transcriptOutline, turnFolds } from '../../../src/present/transcriptOutline';
import { message, workflow } from './fixtures';

function document(): string {
  const done = workflow({ id: 'w1', message: 'Build a todo app', result: { url: 'https://todo.example.app' } });
  const paused = workflow({
    id: 'w2',
    status: 'paused',
    message: 'Add a (dark) mode',
    pause: {
      type: 'questions',
      questions: [
        { question: 'Which theme?', options: ['Night', 'Dim'], multiSelect: false, allowText: false },
        { question: 'Why?', options: [], multiSelect: false, allowText: true },
      ],
    },
  });
  return transcriptDocument({
    projectName: 'todo',
    sessionId: 's1',
    serverLabel: 'Local engine',
    workflows: [paused, done],
    messages: [
      message(1, { side: 'user', text: 'Build a todo app' }),
      message(2, { variant: 'log', text: 'Generating components\nsrc/app.tsx' }),
      message(3, { text: 'Build finished' }),
      message(4, { variant: 'success', text: 'Deployed to https://todo.example.app' }),
      message(5, { workflowId: 'w2', side: 'user', text: 'Add a (dark) mode' }),
      message(6, { workflowId: 'w2', variant: 'error', text: 'Retrying after a_b' }),
      message(7, { workflowId: 'w2', text: 'see [x](https://evil.example)' }),
    ],
    earlier: 0,
    following: { state: 'live' },
  });
}

describe('present/transcriptOutline: turns, steps, questions and links read from the text', () => {
  const text = document();
  const lines = text.split('\n');
  const lineOf = (start: string) => lines.findIndex((l) => l.startsWith(start));

  it('a turn per section with its line range; its steps are the marked lines, with their continuation', () => {
    const turns = transcriptOutline(text);
    assert.deepEqual(
      turns.map((t) => [t.title, t.words, t.line, t.endLine]),
      [
        ['Build a todo app', 'completed', lineOf('## Build'), lineOf('**Result:**')],
        ['Add a (dark) mode', 'needs your answers', lineOf('## Add'), lineOf('2. ')],
      ],
    );
    assert.deepEqual(
      turns[0]!.steps.map((s) => [s.kind, s.title, s.line, s.endLine]),
      [
        ['log', 'Generating components', lineOf('- `10:42:02`'), lineOf('- `10:42:02`') + 1],
        ['success', 'Deployed to https://todo.example.app', lineOf('- `10:42:04`'), lineOf('- `10:42:04`')],
      ],
    );
    assert.deepEqual(
      turns[1]!.steps.map((s) => [s.kind, s.title, s.line, s.endLine]),
      [
        ['error', 'Retrying after a_b', lineOf('- `10:42:06`'), lineOf('- `10:42:06`')],
        ['questions', 'Bilt asks: Which theme?', lineOf('**Bilt asks:**'), lineOf('2. ')],
      ],
    );
  });

  it('folds each turn from its heading to its last line', () => {
    assert.deepEqual(turnFolds(transcriptOutline(text)), [
      { start: lineOf('## Build'), end: lineOf('**Result:**') },
      { start: lineOf('## Add'), end: lineOf('2. ') },
    ]);
    assert.deepEqual(turnFolds(transcriptOutline('# x\n\n## Alone\n\n')), []);
  });

  it('finds the questions waiting for an answer', () => {
    assert.deepEqual(questionsIn(text), [
      { line: lineOf('**Bilt asks:**'), endLine: lineOf('2. '), questions: ['Which theme?', 'Why? (in your words)'] },
    ]);
    assert.deepEqual(questionsIn(text.replace('**Bilt asks:**', 'Bilt asked')), []);
  });

  it("links only the document's own http(s) links, never one inside a message", () => {
    const result = lineOf('**Result:**');
    const start = lines[result]!.indexOf('[');
    assert.deepEqual(linksIn(text), [
      { line: result, start, end: lines[result]!.length, target: 'https://todo.example.app' },
    ]);
    assert.deepEqual(linksIn('**Result:** [a](ftp://x) [b](command:y)'), []);
  });

  it('plain text: escapes and code spans undone', () => {
    assert.equal(plainText('a\\_b \\[c\\]'), 'a_b [c]');
    assert.equal(plainText('`x_y`'), 'x_y');
  });
});
