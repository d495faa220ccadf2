import assert from 'node:assert/strict';
import { createAgent } from '../../../../src/engine/agents';
import { parseClaudeCodeLine } from '../../../../src/engine/agents/presets';
import { FakeContext, within } from './fakeContext';
import { tempDir } from '../../../support/tmp';
import { fixture, info, log, parseFixture, step } from './presetFixtures';

const W = '/tmp/bilt-work/todo-app';
const workDir = () => tempDir('bilt-agent-');

describe('engine/agents/presets: claude-code stream-json parser', () => {
  it('maps a successful run', () => {
    const summary = 'Dark mode is in place: a toggle on the Settings screen switches the theme, and all 12 tests pass.';
    assert.deepEqual(parseFixture('claude-code-success.jsonl', parseClaudeCodeLine), [
      log('Claude Code started (claude-sonnet-4-5-20250929)'),
      { type: 'progress', percentage: 0, currentStep: 'Starting Claude Code' },
      info("I'll add a dark mode toggle to the Settings screen."),
      log('▸ Update the to-do list'),
      { type: 'progress', percentage: 0, currentStep: 'Adding theme state' },
      log(`▸ Read ${W}/src/screens/Settings.tsx`),
      step(`Read ${W}/src/screens/Settings.tsx`),
      log(`▸ Edit ${W}/src/screens/Settings.tsx`),
      step(`Edit ${W}/src/screens/Settings.tsx`),
      log('✗ File has not been read yet. Read it first before writing to it.'),
      log(`▸ Write ${W}/src/theme.ts`),
      step(`Write ${W}/src/theme.ts`),
      log('▸ Update the to-do list'),
      { type: 'progress', percentage: 67, currentStep: 'Running the tests' },
      log('▸ Bash: npm test -- --watchAll=false'),
      step('Bash: npm test -- --watchAll=false'),
      // stream_event and rate_limit_event are ignored; the truncated line is shown as it is
      log('{"type":"assistant","message":{"content":[{"type":"text","text":"cut off'),
      info(summary),
      { type: 'say', text: 'Claude Code finished after 9 turns, 48.2 s, $0.1834', variant: 'success' },
      { type: 'result', summary },
    ]);
  });

  it('maps a run that hit its turn limit to a failure', () => {
    assert.deepEqual(parseFixture('claude-code-failure.jsonl', parseClaudeCodeLine), [
      log('Claude Code started (claude-sonnet-4-5-20250929)'),
      { type: 'progress', percentage: 0, currentStep: 'Starting Claude Code' },
      info('Let me install the dependencies first.'),
      log('▸ Bash: npm install'),
      step('Bash: npm install'),
      log('✗ npm ERR! code ERESOLVE'),
      log('▸ supabase: list_tables'),
      step('supabase: list_tables'),
      log('Warning: terminal does not support colors'),
      {
        type: 'say',
        text: 'Claude Code stopped after 3 turns, 12.0 s, $0.0421: it reached the maximum number of turns',
        variant: 'error',
      },
      { type: 'failure', error: 'Claude Code failed: it reached the maximum number of turns' },
    ]);
  });

  it('fails on an error result even when its subtype says success', () => {
    const line = JSON.stringify({
      type: 'result',
      subtype: 'success',
      is_error: true,
      result: 'Invalid API key · Please run /login',
      num_turns: 1,
    });
    assert.deepEqual(parseClaudeCodeLine(line), [
      { type: 'say', text: 'Claude Code stopped after 1 turn: Invalid API key · Please run /login', variant: 'error' },
      { type: 'failure', error: 'Claude Code failed: Invalid API key · Please run /login' },
    ]);
  });

  it('never throws on odd input', () => {
    for (const line of [
      'null',
      '42',
      '[]',
      '{"type":"assistant","message":{"content":"text"}}',
      '{"type":"assistant","message":{"content":[null,1,{"type":"tool_use"}]}}',
      '{"type":"result","subtype":7}',
    ]) {
      assert.doesNotThrow(() => parseClaudeCodeLine(line), line);
    }
    assert.deepEqual(parseClaudeCodeLine('[]'), [log('[]')]);
  });

  it('runs as a preset: a recorded stream replayed by `cat` completes with the summary', async () => {
    // the recorded paths are moved into a real work folder
    const ctx = new FakeContext('Add dark mode', workDir());
    const command = `sed "s#${W}#$PWD#g" '${fixture('claude-code-success.jsonl')}'`;
    const run = createAgent('claude-code', { command }).start(ctx);
    const outcome = await within(run.done, 5000, 'the run');
    assert.equal(outcome.status, 'completed');
    assert.match(outcome.status === 'completed' ? (outcome.summary ?? '') : '', /^Dark mode is in place/);
    // paths are shown relative to the work folder; the heuristic and the to-do list move progress forward
    assert.ok(ctx.texts('log').includes('▸ Edit src/screens/Settings.tsx'));
    const pcts = ctx.progresses.map((p) => p.percentage);
    assert.ok(
      pcts.every((p, i) => i === 0 || p >= pcts[i - 1]!),
      `monotonic: ${pcts.join(', ')}`,
    );
    assert.ok(pcts[pcts.length - 1]! >= 67);
  });

  it('runs as a preset: an error result fails the run although the command exits with 0', async () => {
    const run = createAgent('claude-code', { command: `cat '${fixture('claude-code-failure.jsonl')}'` }).start(
      new FakeContext(),
    );
    assert.deepEqual(await within(run.done, 5000, 'the run'), {
      status: 'failed',
      error: 'Claude Code failed: it reached the maximum number of turns',
    });
  });
});
