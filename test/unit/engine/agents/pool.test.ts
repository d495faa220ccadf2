import assert from 'node:assert/strict';
import { BiltError } from '../../../../src/core/errors';
import { createAgent } from '../../../../src/engine/agents';
import { AgentPool, agentIdOf } from '../../../../src/engine/agents/pool';
import { quoteArg, withModelFlag } from '../../../../src/engine/agents/presets/model';
import { FakeContext, within } from './fakeContext';

class ModelContext extends FakeContext {
  readonly model = "gpt-5 it's";
}

describe('engine/agents: the pool of a session’s agents', () => {
  it('names agents in the gateway style and reads any case with - or _', () => {
    assert.deepEqual(['emulator', 'command', 'claude-code', 'codex'].map(agentIdOf), [
      'EMULATOR',
      'COMMAND',
      'CLAUDE_CODE',
      'CODEX',
    ]);
    const pool = new AgentPool(createAgent('emulator', { speed: 0 }));
    assert.equal(pool.defaultId, 'EMULATOR');
    assert.deepEqual(pool.knownIds, ['BUILDER', 'EMULATOR', 'COMMAND', 'CLAUDE_CODE', 'CODEX']);
    for (const id of ['claude-code', 'Claude_Code', ' CLAUDE-CODE ']) {
      assert.equal(pool.canonicalId(id), 'CLAUDE_CODE', id);
    }
    assert.equal(pool.canonicalId('gpt-engineer'), undefined);
  });

  it('builds each other agent once, on first use; the default is the engine’s own instance', () => {
    const emulator = createAgent('emulator', { speed: 0 });
    const pool = new AgentPool(emulator, { command: 'echo hi', speed: 0 });
    assert.equal(pool.forId(undefined), emulator);
    assert.equal(pool.forId('EMULATOR'), emulator);
    const codex = pool.forId('CODEX');
    assert.equal(codex.name, 'codex');
    assert.equal(pool.forId('codex'), codex, 'one instance per name');
    assert.equal(pool.forId('COMMAND').name, 'command');
  });

  it('a command agent without --agent-command cannot be built (invalid_input)', () => {
    const pool = new AgentPool(createAgent('emulator', {}));
    assert.throws(
      () => pool.forId('COMMAND'),
      (e: unknown) => e instanceof BiltError && e.code === 'invalid_input' && /--agent-command/.test(e.message),
    );
  });

  (process.platform === 'win32' ? it.skip : it)(
    '--agent-command replaces a preset’s command only when that preset is the engine’s --agent',
    async () => {
      // PATH leads nowhere, so the preset's own `claude` cannot start (and no real CLI ever runs here)
      const options = { command: 'echo custom', env: { PATH: '/nonexistent' } };
      const pool = new AgentPool(createAgent('emulator', {}), options);
      const ctx = new FakeContext();
      const outcome = await within(pool.forId('CLAUDE_CODE').start(ctx).done, 8000, 'the claude-code run');
      assert.ok(!ctx.texts('log').includes('custom'), 'the custom command did not run');
      assert.equal(outcome.status, 'failed');
      assert.match(outcome.status === 'failed' ? outcome.error : '', /not found/i);

      const commandCtx = new FakeContext();
      await within(pool.forId('COMMAND').start(commandCtx).done, 8000, 'the command run');
      assert.deepEqual(commandCtx.texts('log'), ['custom'], 'the command agent runs --agent-command');

      const claudeEngine = new AgentPool(createAgent('claude-code', options), options);
      const defaultCtx = new FakeContext();
      await within(claudeEngine.forId('claude_code').start(defaultCtx).done, 8000, 'the default preset run');
      assert.deepEqual(defaultCtx.texts('log'), ['custom'], 'the engine’s own preset uses it');
    },
  );
});

describe('engine/agents: the session’s model on the command line', () => {
  it('quotes for the shell and puts the flag before a final "-" (prompt on stdin)', () => {
    assert.equal(quoteArg("it's", false), `'it'\\''s'`);
    assert.equal(quoteArg('a"b', true), '"a""b"');
    assert.equal(
      withModelFlag('claude -p --verbose', '--model', 'sonnet', false),
      "claude -p --verbose --model 'sonnet'",
    );
    assert.equal(withModelFlag('codex exec --json -', '-m', 'gpt-5', false), "codex exec --json -m 'gpt-5' -");
    assert.equal(withModelFlag('codex exec --json -  ', '-m', 'o3', false), "codex exec --json -m 'o3' -");
  });

  (process.platform === 'win32' ? it.skip : it)(
    'presets run with their model flag; the command agent gets BILT_MODEL',
    async () => {
      const claude = createAgent('claude-code', { command: 'echo args' }).start(new ModelContext());
      const claudeCtx = new ModelContext();
      const run = createAgent('claude-code', { command: 'echo args' }).start(claudeCtx);
      await within(Promise.all([claude.done, run.done]), 8000, 'the claude-code runs');
      assert.deepEqual(claudeCtx.texts('log'), ["args --model gpt-5 it's"]);

      const codexCtx = new ModelContext();
      await within(createAgent('codex', { command: 'echo args -' }).start(codexCtx).done, 8000, 'the codex run');
      assert.deepEqual(codexCtx.texts('log'), ["args -m gpt-5 it's -"]);

      const commandCtx = new ModelContext();
      const done = createAgent('command', { command: 'echo "model=$BILT_MODEL" "$@"' }).start(commandCtx).done;
      await within(done, 8000, 'the command run');
      assert.deepEqual(commandCtx.texts('log'), ["model=gpt-5 it's"], 'no argument added');

      const plain = new FakeContext();
      await within(createAgent('claude-code', { command: 'echo args' }).start(plain).done, 8000, 'without a model');
      assert.deepEqual(plain.texts('log'), ['args']);
    },
  );
});
