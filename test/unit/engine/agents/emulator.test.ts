import assert from 'node:assert/strict';
import { createAgent } from '../../../../src/engine/agents';
import { EmulatorAgent } from '../../../../src/engine/agents/emulator/emulatorAgent';
import { parseScenario } from '../../../../src/engine/agents/emulator/scenario';
import { FakeContext, within } from './fakeContext';
import { fixture } from './presetFixtures';

const start = (options: Parameters<typeof createAgent>[1], ctx = new FakeContext()) => {
  const run = createAgent('emulator', options).start(ctx);
  return { ctx, run, done: within(run.done, 5000, 'the emulator run') };
};

describe('engine/agents/emulator: running scenarios', () => {
  it('plays the default scenario at speed 0 to completion with a url', async () => {
    const { ctx, done } = start({ speed: 0 });
    const outcome = await done;
    assert.deepEqual(outcome, {
      status: 'completed',
      url: 'https://todo-app.emulated.bilt.app',
      summary: 'Emulated build of Todo_App',
    });
    assert.match(ctx.said[0]!.text, /local Bilt emulator/);
    assert.match(ctx.said[0]!.text, /No real app is built/);
    assert.match(ctx.said[0]!.text, /Build a to-do app/);
    const pcts = ctx.progresses.map((p) => p.percentage);
    assert.ok(
      pcts.every((p, i) => i === 0 || p >= pcts[i - 1]!),
      `monotonic: ${pcts.join(', ')}`,
    );
    assert.equal(pcts[pcts.length - 1], 100);
    assert.deepEqual(
      [...new Set(ctx.progresses.map((p) => p.currentStep))],
      ['Planning', 'Generating components', 'Building', 'Running checks', 'Deploying'],
    );
    const last = ctx.said[ctx.said.length - 1]!;
    assert.deepEqual(last, { text: 'Your app is live at https://todo-app.emulated.bilt.app', variant: 'success' });
  });

  it('still runs asynchronously at speed 0', () => {
    const { ctx, done } = start({ speed: 0 });
    assert.deepEqual(ctx.said, []);
    return done;
  });

  it('deploys to production when the message asks for it', async () => {
    const { ctx, done } = start({ speed: 0 }, new FakeContext('Deploy the latest changes'));
    await done;
    assert.ok(ctx.texts('info').includes('Deploying to production…'));
    assert.ok(ctx.progresses.some((p) => p.currentStep === 'Deploying to production'));
  });

  it('pauses with questions and continues with the answers', async () => {
    const { ctx, done } = start({ speed: 0, scenario: fixture('scenario-questions.json') });
    await ctx.waitFor(() => ctx.asks.length === 1, 'the questions pause');
    const ask = ctx.asks[0]!;
    assert.equal(ask.pause.type, 'questions');
    assert.equal(ask.pause.message, 'One decision before building');
    assert.deepEqual(
      ask.pause.questions?.map((q) => q.question),
      ['Which colour scheme?', 'Anything else?'],
    );
    assert.equal(ask.options, undefined);
    assert.ok(!ctx.texts().includes('Built Todo_App'), 'nothing after the pause before the answer');
    ask.answer([
      { questionIndex: 1, selectedOptions: [], text: 'rounded corners' },
      { questionIndex: 0, selectedOptions: ['Green'] },
    ]);
    assert.deepEqual(await done, {
      status: 'completed',
      url: 'https://todo-app.example.test/prj_test1',
      summary: 'Built Todo_App as asked',
    });
    assert.ok(ctx.texts('info').includes('Using: Green; rounded corners'));
    assert.ok(ctx.texts('success').includes('Built Todo_App'));
  });

  it('passes autoResumeMs (scaled by speed) for a secrets pause', async () => {
    const { ctx, done } = start({ speed: 0.01, scenario: fixture('scenario-secrets.json') });
    assert.equal((await done).status, 'completed');
    assert.equal(ctx.asks[0]!.pause.type, 'secrets');
    assert.deepEqual(ctx.asks[0]!.options, { autoResumeMs: 20 });
    assert.ok(ctx.texts('log').includes('Secrets are in place; continuing'));
  });

  it('fails where the scenario says so', async () => {
    const { ctx, done } = start({ speed: 0, scenario: fixture('scenario-failure.json') });
    assert.deepEqual(await done, { status: 'failed', error: "Build failed: Cannot find module './Header'" });
    assert.ok(!ctx.texts().includes('never reached'));
    assert.equal(Math.max(...ctx.progresses.map((p) => p.percentage)) < 60, true);
  });

  it('stops at once on cancel and reports nothing afterwards', async () => {
    const { ctx, done } = start({ speed: 1 });
    await ctx.waitFor(() => ctx.said.length === 1, 'the first message');
    const t = Date.now();
    ctx.cancel();
    assert.deepEqual(await done, { status: 'failed', error: 'Cancelled' });
    assert.ok(Date.now() - t < 100);
    assert.deepEqual(ctx.afterAbort, []);
  });

  it('stops at once when cancelled while asking', async () => {
    const { ctx, done } = start({ speed: 0, scenario: fixture('scenario-questions.json') });
    await ctx.waitFor(() => ctx.asks.length === 1, 'the pause');
    ctx.cancel();
    assert.equal((await done).status, 'failed');
    assert.deepEqual(ctx.afterAbort, []);
  });

  it('freezes the timeline while suspended and carries on after resume', async () => {
    const scenario = parseScenario({
      name: 'short',
      steps: [
        {
          name: 'One',
          duration: 60,
          progress: 50,
          messages: [
            { at: 0, text: 'first' },
            { at: 60, text: 'second' },
          ],
        },
        { name: 'Two', duration: 0, progress: 100, messages: [{ text: 'third' }] },
      ],
    });
    const ctx = new FakeContext();
    const run = new EmulatorAgent({ scenario, speed: 1 }).start(ctx);
    await ctx.waitFor(() => ctx.said.length === 1, 'the first message');
    run.suspend!();
    // a bounded check of absence: three times the remaining step time passes without a message
    await new Promise((r) => setTimeout(r, 180));
    assert.deepEqual(ctx.texts(), ['first']);
    run.resume!();
    assert.equal((await within(run.done, 2000, 'the run')).status, 'completed');
    assert.deepEqual(ctx.texts(), ['first', 'second', 'third']);
  });
});
