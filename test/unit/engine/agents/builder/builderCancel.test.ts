import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { holdAt, type BuilderStep } from '../../../../../src/engine/agents/builder/builderAgent';
import type { AgentRun } from '../../../../../src/engine/agents/types';
import { within } from '../fakeContext';
import {
  builder,
  commitCount,
  git,
  head,
  ProjectContext,
  read,
  removeAll,
  send,
  status,
  tempAppDir,
} from './builderFixture';

/** Lets the event loop run a few turns (a run held by a gate must not move meanwhile). */
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) {
    await new Promise((r) => setImmediate(r));
  }
};

describe('engine/agents/builder: cancel, questions, suspend', () => {
  const dirs: string[] = [];
  afterEach(() => removeAll(dirs));

  for (const step of ['generate', 'check', 'commit', 'deploy'] as BuilderStep[]) {
    it(`a cancel as "${step}" starts leaves the previous commit and a clean tree`, async () => {
      const dir = tempAppDir(dirs);
      await send(builder(), dir, 'Build a landing page with a signup form');
      const before = head(dir);
      const index = read(dir, 'index.html');
      const ctx = new ProjectContext('Add a pricing table, an FAQ and a footer', dir);
      const agent = builder({ onStep: (s) => (s === step ? ctx.cancel() : undefined) });
      const outcome = await within(agent.start(ctx).done, 10_000, 'the cancelled run');
      assert.deepEqual(outcome, { status: 'failed', error: 'Cancelled' });
      assert.equal(head(dir), before);
      assert.equal(commitCount(dir), 1);
      assert.equal(status(dir), '');
      assert.equal(read(dir, 'index.html'), index);
      assert.deepEqual(ctx.afterAbort, []);
    });
  }

  it('--builder-hold-at holds a run as the step starts until it is cancelled; ignored files stay', async () => {
    const dir = tempAppDir(dirs);
    await send(builder(), dir, 'Build a landing page');
    const before = head(dir);
    writeFileSync(path.join(dir, '.gitignore'), 'cache/\n');
    mkdirSync(path.join(dir, 'cache'));
    writeFileSync(path.join(dir, 'cache', 'kept.txt'), 'mine');
    const ctx = new ProjectContext('Add a pricing table', dir);
    const run = builder({ onStep: holdAt('deploy') }).start(ctx);
    await ctx.waitFor(() => ctx.progresses.some((p) => p.currentStep === 'Deploying'), 'the deploy step');
    await turns(20);
    assert.equal(ctx.progresses[ctx.progresses.length - 1]!.currentStep, 'Deploying', 'held');
    assert.equal(commitCount(dir), 3, 'outside changes, then the workflow’s commit, made before deploy');
    assert.match(read(dir, 'index.html'), /class="pricing"/);
    ctx.cancel();
    assert.deepEqual(await within(run.done, 10_000, 'the run'), { status: 'failed', error: 'Cancelled' });
    assert.equal(git(dir, 'rev-parse', 'HEAD~1'), before, 'back at the commit the run started from');
    assert.doesNotMatch(read(dir, 'index.html'), /class="pricing"/);
    assert.equal(read(dir, 'cache/kept.txt'), 'mine');
    assert.equal(status(dir), '!! cache/kept.txt');
  });

  it('a cancelled first workflow leaves an empty app (only the repository)', async () => {
    const dir = tempAppDir(dirs);
    const ctx = new ProjectContext('Build a landing page', dir);
    const agent = builder({ onStep: (s) => (s === 'deploy' ? ctx.cancel() : undefined) });
    assert.deepEqual(await within(agent.start(ctx).done, 10_000, 'the run'), { status: 'failed', error: 'Cancelled' });
    assert.deepEqual(readdirSync(dir), ['.git']);
    assert.equal(status(dir), '');
  });

  it('asks what to build when it does not know the instruction, and builds what the answer picks', async () => {
    const dir = tempAppDir(dirs);
    const ctx = new ProjectContext('Make it feel more awesome', dir);
    const run = builder().start(ctx);
    await ctx.waitFor(() => ctx.asks.length === 1, 'the question');
    const { pause } = ctx.asks[0]!;
    assert.equal(pause.type, 'questions');
    assert.match(pause.message ?? '', /don't know how to build "Make it feel more awesome"/);
    const q = pause.questions![0]!;
    assert.equal(q.multiSelect, true);
    assert.equal(q.allowText, true);
    assert.ok(q.options.includes('A pricing table') && q.options.includes('A dark theme'), q.options.join(', '));
    assert.deepEqual(readdirSync(dir), ['.git'], 'nothing written before the answer');
    ctx.asks[0]!.answer([
      { questionIndex: 0, selectedOptions: ['A pricing table', 'A dark theme'], text: 'and a footer' },
    ]);
    const outcome = await within(run.done, 10_000, 'the run');
    assert.equal(outcome.status, 'completed');
    const index = read(dir, 'index.html');
    assert.ok(
      index.includes('class="pricing"') && index.includes('class="theme-dark"') && index.includes('site-footer'),
    );
  });

  it('a cancel during the question ends the run with a clean folder', async () => {
    const dir = tempAppDir(dirs);
    await send(builder(), dir, 'Build a landing page');
    const before = head(dir);
    const ctx = new ProjectContext('Do something nice', dir);
    const run = builder().start(ctx);
    await ctx.waitFor(() => ctx.asks.length === 1, 'the question');
    ctx.cancel();
    assert.deepEqual(await within(run.done, 10_000, 'the run'), { status: 'failed', error: 'Cancelled' });
    assert.equal(head(dir), before);
    assert.equal(status(dir), '');
  });

  it('holds between steps while suspended and goes on after resume', async () => {
    const dir = tempAppDir(dirs);
    const ctx = new ProjectContext('Build a landing page', dir);
    const runs: AgentRun[] = [];
    const agent = builder({ onStep: (s) => (s === 'generate' ? runs[0]!.suspend!() : undefined) });
    const run = agent.start(ctx);
    runs.push(run);
    await ctx.waitFor(() => ctx.progresses.some((p) => p.currentStep === 'Generating files'), 'the generate step');
    await turns(20);
    assert.equal(ctx.progresses[ctx.progresses.length - 1]!.currentStep, 'Generating files');
    run.resume!();
    assert.equal((await within(run.done, 10_000, 'the run')).status, 'completed');
    assert.equal(commitCount(dir), 1);
  });
});
