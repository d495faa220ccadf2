import assert from 'node:assert/strict';
import { openFixture, refusal, type Fixture } from './fixture';

async function sessionWithProject(f: Fixture, name = 'app') {
  const p = await f.engine.service.createProject({ name });
  return f.engine.service.findSession({ projectId: p.id });
}

describe('engine service: workflows and their state rules', () => {
  let f: Fixture;
  afterEach(() => f?.close());

  it('send starts a workflow (running) and records the user message first', async () => {
    f = await openFixture();
    const s = await sessionWithProject(f);
    const w = await f.engine.service.sendMessage(s.id, 'Add a login screen');
    assert.equal(w.status, 'running');
    assert.equal(w.message, 'Add a login screen');
    const run = await f.agent.run(0);
    assert.equal(run.ctx.message, 'Add a login screen');
    assert.equal(run.ctx.project.name, 'app');
    const page = f.engine.service.messages(s.id);
    assert.equal(page.total, 1);
    assert.deepEqual(
      [page.messages[0]!.side, page.messages[0]!.text, page.messages[0]!.workflowId],
      ['user', 'Add a login screen', w.id],
    );
    assert.equal(f.engine.service.session(s.id).status, 'running');
  });

  it('one workflow per session: a second send while running or paused is refused', async () => {
    f = await openFixture();
    const s = await sessionWithProject(f);
    await f.engine.service.sendMessage(s.id, 'first');
    const busy = await refusal(f.engine.service.sendMessage(s.id, 'second'));
    assert.equal(busy.message, 'A workflow is already in progress');
    assert.equal(busy.details.current_status, 'running');
    const run = await f.agent.run(0);
    void run.ask({
      type: 'questions',
      questions: [{ question: 'Color?', options: ['red', 'blue'], multiSelect: false, allowText: false }],
    });
    await f.engine.service.wait(run.ctx.workflowId);
    assert.equal((await refusal(f.engine.service.sendMessage(s.id, 'third'))).details.current_status, 'paused');
  });

  it('agent reports become messages and progress; completion ends the workflow with its url', async () => {
    f = await openFixture();
    const s = await sessionWithProject(f);
    const w = await f.engine.service.sendMessage(s.id, 'build');
    const run = await f.agent.run(0);
    run.ctx.say('Planning screens');
    run.ctx.progress({ percentage: 40, currentStep: 'Building' });
    run.ctx.say('warning: slow', 'error');
    run.complete('https://app.example', 'Built 3 screens');
    const { workflow, timedOut } = await f.engine.service.wait(w.id);
    assert.equal(timedOut, false);
    assert.equal(workflow.status, 'completed');
    assert.deepEqual(workflow.result, { url: 'https://app.example', summary: 'Built 3 screens' });
    assert.equal(workflow.progress?.percentage, 100);
    const texts = f.engine.service
      .messages(s.id)
      .messages.reverse()
      .map((m) => `${m.side}/${m.variant}: ${m.text}`);
    assert.deepEqual(texts.slice(0, 3), ['user/info: build', 'ai/info: Planning screens', 'ai/error: warning: slow']);
    assert.match(texts[3]!, /^ai\/success: Workflow completed\. Built 3 screens Deployed to https:\/\/app\.example$/);
    assert.equal(f.engine.service.session(s.id).status, 'completed');
    // a new message is allowed once the workflow ended
    assert.equal((await f.engine.service.sendMessage(s.id, 'again')).status, 'running');
  });

  it('a failing agent fails the workflow with its error', async () => {
    f = await openFixture();
    const s = await sessionWithProject(f);
    const w = await f.engine.service.sendMessage(s.id, 'build');
    (await f.agent.run(0)).fail('Command exited with code 2');
    const { workflow } = await f.engine.service.wait(w.id);
    assert.equal(workflow.status, 'failed');
    assert.equal(workflow.error, 'Command exited with code 2');
    assert.equal(workflow.interrupted, false);
    assert.match(f.engine.service.messages(s.id, 1).messages[0]!.text, /Workflow failed: Command exited with code 2/);
  });

  it('cancel stops the agent; only running, paused or pending can be cancelled; cancelled is never resumed', async () => {
    f = await openFixture();
    const s = await sessionWithProject(f);
    await f.engine.service.sendMessage(s.id, 'build');
    const run = await f.agent.run(0);
    const w = await f.engine.service.cancel(s.id, 'User changed requirements');
    assert.equal(w.status, 'cancelled');
    assert.equal(w.cancelReason, 'User changed requirements');
    assert.ok(run.aborted, 'the agent was told to stop');
    run.ctx.say('late output');
    const again = await refusal(f.engine.service.cancel(s.id));
    assert.equal(again.message, 'Cannot cancel workflow');
    assert.equal(again.details.current_status, 'cancelled');
    const resume = await refusal(f.engine.service.resume(s.id));
    assert.equal(resume.message, 'Cannot resume workflow');
    assert.match(String(resume.details.message), /cancelled workflow cannot be resumed/);
    assert.ok(
      !f.engine.service.messages(s.id).messages.some((m) => m.text === 'late output'),
      'nothing is recorded after cancel',
    );
  });

  it('cancel of a completed workflow names its current_status; of an idle session says nothing runs', async () => {
    f = await openFixture();
    const s = await sessionWithProject(f);
    const idle = await refusal(f.engine.service.cancel(s.id));
    assert.equal(idle.details.current_status, 'idle');
    const w = await f.engine.service.sendMessage(s.id, 'x');
    (await f.agent.run(0)).complete();
    await f.engine.service.wait(w.id);
    const done = await refusal(f.engine.service.cancel(s.id));
    assert.deepEqual(done.toBody(), {
      error: 'Cannot cancel workflow',
      details: { code: 'illegal_state', current_status: 'completed', message: 'Workflow has already completed' },
    });
  });

  it('a questions pause is answered through resume; answers are checked against the questions', async () => {
    f = await openFixture();
    const s = await sessionWithProject(f);
    const w = await f.engine.service.sendMessage(s.id, 'build');
    const run = await f.agent.run(0);
    const answered = run.ask({
      type: 'questions',
      questions: [
        { question: 'Platform?', options: ['iOS', 'Android'], multiSelect: true, allowText: false },
        { question: 'App name?', options: [], multiSelect: false, allowText: true },
      ],
    });
    const paused = (await f.engine.service.wait(w.id)).workflow;
    assert.equal(paused.status, 'paused');
    assert.equal(paused.pause?.type, 'questions');
    const bad = [
      [undefined, 'answers'],
      [[{ questionIndex: 5, selectedOptions: [] }], 'answers.0.questionIndex'],
      [
        [
          { questionIndex: 0, selectedOptions: ['Web'] },
          { questionIndex: 1, selectedOptions: [], text: 'x' },
        ],
        'answers.0.selectedOptions',
      ],
      [[{ questionIndex: 0, selectedOptions: ['iOS'] }], 'answers'],
    ] as const;
    for (const [answers, field] of bad) {
      const e = await refusal(f.engine.service.resume(s.id, answers as never));
      assert.equal(e.details.field, field, JSON.stringify(e.details));
    }
    const resumed = await f.engine.service.resume(s.id, [
      { questionIndex: 0, selectedOptions: ['iOS', 'Android'] },
      { questionIndex: 1, selectedOptions: [], text: 'Todo' },
    ]);
    assert.equal(resumed.status, 'running');
    assert.deepEqual(await answered, [
      { questionIndex: 0, selectedOptions: ['iOS', 'Android'] },
      { questionIndex: 1, selectedOptions: [], text: 'Todo' },
    ]);
    assert.match(f.engine.service.messages(s.id, 1).messages[0]!.text, /Platform\? → iOS, Android\nApp name\? → Todo/);
  });

  it('a secrets pause resumes by itself after autoResumeMs, or by resume()', async () => {
    f = await openFixture();
    const s = await sessionWithProject(f);
    const w = await f.engine.service.sendMessage(s.id, 'build');
    const run = await f.agent.run(0);
    const asked = run.ask({ type: 'secrets', message: 'Add STRIPE_KEY' }, 1);
    const paused = (await f.engine.service.wait(w.id)).workflow;
    assert.equal(paused.pause?.type, 'secrets');
    assert.match(String(paused.pause?.projectUrl), /projects\//);
    assert.deepEqual(await asked, []);
    assert.equal(f.engine.service.workflow(w.id)?.status, 'running');
  });

  it('engine-initiated pause suspends the agent and resume continues it', async () => {
    f = await openFixture();
    const s = await sessionWithProject(f);
    await f.engine.service.sendMessage(s.id, 'build');
    const run = await f.agent.run(0);
    const paused = await f.engine.service.suspend(s.id);
    assert.equal(paused.status, 'paused');
    assert.equal(run.suspended, true);
    assert.equal((await refusal(f.engine.service.suspend(s.id))).details.current_status, 'paused');
    const resumed = await f.engine.service.resume(s.id);
    assert.equal(resumed.status, 'running');
    assert.equal(run.suspended, false);
  });

  it('wait_for_response returns the current state when time runs out', async () => {
    f = await openFixture({ limits: { waitTimeoutMs: 20 } });
    const s = await sessionWithProject(f);
    const w = await f.engine.service.sendMessage(s.id, 'slow');
    const r = await f.engine.service.wait(w.id);
    assert.equal(r.timedOut, true);
    assert.equal(r.workflow.status, 'running');
  });

  it('limits messages to N per hour per project, with retry_after', async () => {
    f = await openFixture({ limits: { messagesPerHourPerProject: 2 } });
    const s = await sessionWithProject(f);
    for (let i = 0; i < 2; i++) {
      const w = await f.engine.service.sendMessage(s.id, `m${i}`);
      (await f.agent.run(i)).complete();
      await f.engine.service.wait(w.id);
      f.clock.advance(60_000);
    }
    const limited = await refusal(f.engine.service.sendMessage(s.id, 'm2'));
    assert.equal(limited.code, 'rate_limited');
    assert.equal(limited.details.retry_after, 58 * 60);
    f.clock.advance(58 * 60_000);
    assert.equal((await f.engine.service.sendMessage(s.id, 'm2')).status, 'running');
  });

  it('beyond maxConcurrent, workflows wait as pending and start when a slot frees', async () => {
    f = await openFixture({ maxConcurrent: 1 });
    const a = await sessionWithProject(f, 'a');
    const b = await sessionWithProject(f, 'b');
    await f.engine.service.sendMessage(a.id, 'first');
    const second = await f.engine.service.sendMessage(b.id, 'second');
    assert.equal(second.status, 'pending');
    (await f.agent.run(0)).complete();
    const run2 = await f.agent.run(1);
    assert.equal(run2.ctx.workflowId, second.id);
    // a pending workflow can be cancelled and never starts
    await f.engine.service.cancel(b.id);
    assert.equal(f.engine.service.workflow(second.id)?.status, 'cancelled');
  });

  it('paginates messages newest first with total and has_more', async () => {
    f = await openFixture();
    const s = await sessionWithProject(f);
    await f.engine.service.sendMessage(s.id, 'go');
    const run = await f.agent.run(0);
    for (let i = 1; i <= 9; i++) {
      run.ctx.say(`line ${i}`);
    }
    run.complete();
    await f.engine.service.wait(run.ctx.workflowId);
    const all = f.engine.service.messages(s.id, 100);
    assert.equal(all.total, 11);
    assert.deepEqual(
      all.messages.map((m) => m.seq),
      [11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
    );
    const page = f.engine.service.messages(s.id, 3, 2);
    assert.deepEqual(
      page.messages.map((m) => m.text),
      ['line 8', 'line 7', 'line 6'],
    );
    assert.equal(page.hasMore, true);
    assert.equal(f.engine.service.messages(s.id, 5, 8).hasMore, false);
    assert.deepEqual(f.engine.service.messages(s.id, 5, 50).messages, []);
  });
});
