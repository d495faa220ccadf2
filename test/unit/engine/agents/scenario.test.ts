import assert from 'node:assert/strict';
import { BiltError } from '../../../../src/core/errors';
import { PausableClock } from '../../../../src/engine/agents/emulator/clock';
import { defaultScenario } from '../../../../src/engine/agents/emulator/defaultScenario';
import { describeAnswers } from '../../../../src/engine/agents/emulator/emulatorAgent';
import { fieldPath, parseScenario, readScenarioFile } from '../../../../src/engine/agents/emulator/scenario';
import { fixture } from './presetFixtures';

function invalid(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof BiltError);
    assert.equal(e.code, 'invalid_input');
    assert.match(e.message, pattern);
    return true;
  });
}

describe('engine/agents/emulator: scenario files', () => {
  it('loads the example scenarios', () => {
    for (const name of ['scenario-questions.json', 'scenario-failure.json', 'scenario-secrets.json']) {
      assert.ok(readScenarioFile(fixture(name)).steps.length > 0, name);
    }
  });

  it('names the offending field of a bad scenario file', () => {
    invalid(
      () => readScenarioFile(fixture('scenario-bad.json')),
      /scenario-bad\.json is invalid: steps\[1\]\.duration: .*number/,
    );
  });

  it('names unknown keys, misplaced message offsets and other mistakes', () => {
    const step = { name: 'A', duration: 100, progress: 50 };
    invalid(() => parseScenario({ name: 'x', steps: [{ ...step, durationMs: 5 }] }), /steps\[0\]: .*durationMs/);
    invalid(
      () => parseScenario({ name: 'x', steps: [{ ...step, messages: [{ at: 200, text: 'late' }] }] }),
      /steps\[0\]\.messages\[0\]\.at: must not be later/,
    );
    invalid(
      () => parseScenario({ name: 'x', steps: [{ ...step, pause: { type: 'questions' } }] }),
      /steps\[0\]\.pause\.questions/,
    );
    invalid(
      () => parseScenario({ name: 'x', steps: [step, { ...step, progress: 10 }] }),
      /steps\[1\]\.progress: progress must not go down/,
    );
    invalid(() => parseScenario({ name: 'x', steps: [] }), /steps: /);
    invalid(
      () => parseScenario({ name: 'x', steps: [{ ...step, messages: [{ text: 'hi', variant: 'loud' }] }] }),
      /steps\[0\]\.messages\[0\]\.variant/,
    );
  });

  it('reports unreadable and non-JSON files', () => {
    invalid(() => readScenarioFile(fixture('no-such-scenario.json')), /Cannot read scenario file/);
    invalid(() => readScenarioFile(fixture('claude-code-success.jsonl')), /is not valid JSON/);
  });

  it('ships a default scenario of 20–40 s ending at 100 %', () => {
    const s = defaultScenario('Build a to-do app');
    const total = s.steps.reduce((t, st) => t + st.duration, 0);
    assert.ok(total >= 20000 && total <= 40000, `${total} ms`);
    assert.equal(s.steps[s.steps.length - 1]!.progress, 100);
    assert.equal(s.deployment?.urlTemplate, 'https://{project}.emulated.bilt.app');
  });

  it('formats field paths and answers', () => {
    assert.equal(fieldPath(['steps', 1, 'messages', 0, 'at']), 'steps[1].messages[0].at');
    assert.equal(fieldPath([]), '(scenario)');
    assert.equal(describeAnswers([]), 'the defaults');
    assert.equal(describeAnswers([{ questionIndex: 0, selectedOptions: ['A', 'B'], text: ' note ' }]), 'A, B, note');
  });
});

describe('engine/agents/emulator: pausable clock', () => {
  it('keeps the remaining time of a wait across suspend and resume', async () => {
    const clock = new PausableClock(new AbortController().signal);
    let fired = false;
    const t0 = Date.now();
    const wait = clock.sleep(80).then(() => (fired = true));
    clock.suspend();
    await new Promise((r) => setTimeout(r, 120));
    assert.equal(fired, false, 'no time passes while suspended');
    clock.resume();
    await wait;
    assert.ok(Date.now() - t0 >= 190, 'the full wait still happened after the resume');
  });

  it('rejects a wait with an AbortError when the signal aborts', async () => {
    const c = new AbortController();
    const clock = new PausableClock(c.signal);
    const wait = clock.sleep(10_000);
    c.abort();
    await assert.rejects(wait, { name: 'AbortError' });
    await assert.rejects(clock.sleep(0), { name: 'AbortError' });
  });
});
