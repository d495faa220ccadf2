import assert from 'node:assert/strict';
import { BiltError } from '../../../../src/core/errors';
import { AGENT_NAMES, createAgent, DEFAULT_AGENT } from '../../../../src/engine/agents';

describe('engine/agents: createAgent', () => {
  it('creates every named agent', () => {
    assert.deepEqual([...AGENT_NAMES], ['builder', 'emulator', 'command', 'claude-code', 'codex']);
    assert.equal(DEFAULT_AGENT, 'builder');
    assert.equal(createAgent().name, 'builder');
    assert.equal(createAgent('builder', {}).name, 'builder');
    assert.equal(createAgent('emulator', {}).name, 'emulator');
    assert.equal(createAgent('command', { command: 'true' }).name, 'command');
    assert.equal(createAgent('claude-code', {}).name, 'claude-code');
    assert.equal(createAgent('codex', { command: 'codex exec --json --full-auto -' }).name, 'codex');
  });

  it('rejects an unknown agent, naming the available ones', () => {
    assert.throws(
      () => createAgent('gpt-engineer', {}),
      (e: unknown) =>
        e instanceof BiltError &&
        e.code === 'invalid_input' &&
        /gpt-engineer/.test(e.message) &&
        /builder, emulator, command, claude-code, codex/.test(e.message),
    );
  });

  it('asks for a command line for the command agent', () => {
    for (const command of [undefined, '   ']) {
      assert.throws(
        () => createAgent('command', command === undefined ? {} : { command }),
        (e: unknown) => e instanceof BiltError && e.code === 'invalid_input' && /--agent-command/.test(e.message),
      );
    }
  });

  it('rejects negative or non-numeric speeds and grace periods', () => {
    assert.throws(() => createAgent('emulator', { speed: -1 }), /speed/);
    assert.throws(() => createAgent('command', { command: 'true', killGraceMs: Number.NaN }), /killGraceMs/);
  });
});
