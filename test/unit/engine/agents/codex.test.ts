import assert from 'node:assert/strict';
import { createAgent } from '../../../../src/engine/agents';
import { parseCodexLine } from '../../../../src/engine/agents/presets';
import { FakeContext, within } from './fakeContext';
import { tempDir } from '../../../support/tmp';
import { fixture, info, log, parseFixture, step } from './presetFixtures';

const W = '/tmp/bilt-work/todo-app';
const workDir = () => tempDir('bilt-agent-');

describe('engine/agents/presets: codex exec --json parser', () => {
  it('maps a successful run', () => {
    const answer = 'Added a dark mode toggle to Settings backed by a small theme store; all 12 tests pass.';
    assert.deepEqual(parseFixture('codex-success.jsonl', parseCodexLine), [
      log('Codex started'),
      { type: 'progress', percentage: 0, currentStep: 'Starting Codex' },
      step('Exploring the Settings screen'),
      { type: 'progress', percentage: 0, currentStep: 'Add theme state' },
      log('▸ $ ls src/screens'),
      step('Running ls src/screens'),
      log(`▸ Add ${W}/src/theme.ts`),
      log(`▸ Edit ${W}/src/screens/Settings.tsx`),
      step(`Editing ${W}/src/screens/Settings.tsx`),
      { type: 'progress', percentage: 67, currentStep: 'Run the tests' },
      log('▸ docs: search'),
      step('docs: search'),
      step('Searching the web'),
      log('▸ Search "react native dark mode toggle"'),
      log('▸ $ npm test'),
      step('Running npm test'),
      log('✗ npm test (exit code 1)'),
      log(
        'Warning: Model metadata for `gpt-5-codex-mini` not found. Defaulting to fallback metadata; this can degrade performance.',
      ),
      log('▸ $ npm test'),
      step('Running npm test'),
      // session.heartbeat is ignored; the truncated line is shown as it is
      log('{"type":"item.completed","item":{"id":"item_9","type":"agent_mess'),
      info(answer),
      { type: 'result', summary: answer },
      { type: 'progress', percentage: 95, currentStep: 'Finishing up' },
      {
        type: 'say',
        text: 'Codex finished (24763 input tokens, 24448 cached, 1220 output tokens)',
        variant: 'success',
      },
    ]);
  });

  it('maps a failed turn to a failure', () => {
    const reason = 'stream disconnected before completion: error decoding response body';
    assert.deepEqual(parseFixture('codex-failure.jsonl', parseCodexLine), [
      log('Codex started'),
      { type: 'progress', percentage: 0, currentStep: 'Starting Codex' },
      step('Planning the deployment'),
      log('✗ Declined: npx vercel deploy --prod'),
      log('▸ supabase: apply_migration'),
      step('supabase: apply_migration'),
      log('✗ supabase: apply_migration: permission denied for schema public'),
      log(`✗ Could not change ${W}/supabase/migrations/0001_init.sql`),
      // collab_tool_call is not mapped
      { type: 'say', text: `Codex error: Reconnecting... 1/5 (${reason})`, variant: 'error' },
      { type: 'say', text: `Codex failed: ${reason}`, variant: 'error' },
      { type: 'failure', error: `Codex failed: ${reason}` },
    ]);
  });

  it('never throws on odd input', () => {
    for (const line of [
      'null',
      '"text"',
      '{"type":"item.completed"}',
      '{"type":"item.completed","item":{"type":"todo_list","items":"x"}}',
      '{"type":"item.started","item":{"type":"command_execution"}}',
      '{"type":"turn.failed"}',
    ]) {
      assert.doesNotThrow(() => parseCodexLine(line), line);
    }
    assert.deepEqual(parseCodexLine('{"type":"turn.failed"}'), [
      { type: 'say', text: 'Codex failed: the turn failed', variant: 'error' },
      { type: 'failure', error: 'Codex failed: the turn failed' },
    ]);
  });

  it('runs as a preset: a recorded stream replayed by `cat` completes with the last agent message', async () => {
    // the recorded paths are moved into a real work folder
    const ctx = new FakeContext('Add dark mode', workDir());
    const command = `sed "s#${W}#$PWD#g" '${fixture('codex-success.jsonl')}'`;
    const run = createAgent('codex', { command }).start(ctx);
    const outcome = await within(run.done, 5000, 'the run');
    assert.equal(outcome.status, 'completed');
    assert.match(outcome.status === 'completed' ? (outcome.summary ?? '') : '', /^Added a dark mode toggle/);
    assert.ok(ctx.texts('log').includes('▸ Add src/theme.ts'));
  });

  it('runs as a preset: a failed turn fails the run', async () => {
    const run = createAgent('codex', { command: `cat '${fixture('codex-failure.jsonl')}'` }).start(new FakeContext());
    const outcome = await within(run.done, 5000, 'the run');
    assert.equal(outcome.status, 'failed');
    assert.match(outcome.status === 'failed' ? outcome.error : '', /^Codex failed: stream disconnected/);
  });
});
