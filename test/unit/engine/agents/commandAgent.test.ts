import assert from 'node:assert/strict';
import path from 'node:path';
import { FakeContext } from './fakeContext';
import { runCommand } from './runCommand';

const posix = process.platform !== 'win32';
const node = `'${process.execPath}'`;

(posix ? describe : describe.skip)('engine/agents/command: output and outcome (real processes)', () => {
  it('turns stdout lines into log messages and stderr lines into error messages', async () => {
    const { ctx, done } = runCommand('echo hello; echo oops >&2; printf "last line without newline"');
    assert.deepEqual(await done, { status: 'completed' });
    assert.deepEqual(ctx.texts('log'), ['hello', 'last line without newline']);
    assert.deepEqual(ctx.texts('error'), ['oops']);
  });

  it('consumes protocol lines and reports progress, messages and the result', async () => {
    const script = [
      "echo '::progress:: 45 Building components'",
      "echo '::progress:: 3/4'",
      "echo '::info:: Planned 3 screens'",
      "echo '::success:: Deployed'",
      "echo '::progress:: 10 going back is ignored'",
      "echo '::result:: https://todo.example.test All done'",
      'echo ordinary',
    ].join('; ');
    const { ctx, done } = runCommand(script);
    assert.deepEqual(await done, { status: 'completed', url: 'https://todo.example.test', summary: 'All done' });
    assert.deepEqual(ctx.progresses, [
      { percentage: 45, currentStep: 'Building components' },
      { percentage: 75, currentStep: 'Step 3 of 4' },
      { percentage: 75, currentStep: 'going back is ignored' },
    ]);
    assert.deepEqual(ctx.said, [
      { text: 'Planned 3 screens', variant: 'info' },
      { text: 'Deployed', variant: 'success' },
      { text: 'ordinary', variant: 'log' },
    ]);
  });

  it('passes the message on stdin and the workflow in the environment', async () => {
    const ctx = new FakeContext('Add a "login" page\nwith $HOME kept literal');
    const script =
      'echo "stdin=$(cat | tr "\\n" "|")"; echo "msg=$BILT_MESSAGE" | head -1; echo "ids=$BILT_WORKFLOW_ID $BILT_SESSION_ID $BILT_PROJECT_ID $BILT_PROJECT_NAME"; echo "extra=$EXTRA_VAR"; pwd';
    const { done } = runCommand(script, { env: { EXTRA_VAR: 'from options' } }, ctx);
    assert.equal((await done).status, 'completed');
    assert.deepEqual(ctx.texts('log'), [
      'stdin=Add a "login" page|with $HOME kept literal',
      'msg=Add a "login" page',
      'ids=wf_test1 ses_test1 prj_test1 Todo_App',
      'extra=from options',
      // only paths inside the work folder are shortened; the folder itself stays as it is
      ctx.workDir.replace(/\/$/, ''),
    ]);
  });

  it('shows paths inside the work folder relative to it', async () => {
    const { ctx, done } = runCommand('echo "wrote $PWD/src/app.ts"');
    await done;
    assert.deepEqual(ctx.texts('log'), ['wrote src/app.ts']);
  });

  it('splits a very long line and decodes multi-byte output', async () => {
    const { ctx, done } = runCommand(`${node} -e "process.stdout.write('é'.repeat(12000))"`);
    await done;
    assert.deepEqual(
      ctx.texts('log').map((l) => l.length),
      [5000, 5000, 2000],
    );
    assert.ok(ctx.texts('log').every((l) => /^é+$/.test(l)));
  });

  it('fails with the exit code and the last error line', async () => {
    const { done } = runCommand('echo working; echo "npm ERR! missing script: build" >&2; exit 3');
    assert.deepEqual(await done, {
      status: 'failed',
      error: 'Command exited with code 3: npm ERR! missing script: build',
    });
  });

  it('uses the last ::error:: line as the failure detail', async () => {
    const { done } = runCommand("echo '::error:: Tests failed (2 of 12)'; exit 1");
    assert.deepEqual(await done, { status: 'failed', error: 'Command exited with code 1: Tests failed (2 of 12)' });
  });

  it('reports a command that is not found', async () => {
    const { done } = runCommand('bilt-no-such-command-xyz --flag');
    const outcome = await done;
    assert.equal(outcome.status, 'failed');
    assert.match(
      outcome.status === 'failed' ? outcome.error : '',
      /^Command not found \(exit code 127\): .*bilt-no-such-command-xyz/,
    );
  });

  it('reports a process that could not be started', async () => {
    const ctx = new FakeContext('x', path.join(__dirname, 'no-such-work-dir'));
    const { done } = runCommand('echo never', {}, ctx);
    const outcome = await done;
    assert.equal(outcome.status, 'failed');
    assert.match(
      outcome.status === 'failed' ? outcome.error : '',
      /^Could not start the command: .*ENOENT.*work folder .*no-such-work-dir does not exist/,
    );
  });

  it('reports a process killed by a signal', async () => {
    const { done } = runCommand('kill -KILL $$');
    assert.deepEqual(await done, { status: 'failed', error: 'Command was killed by SIGKILL' });
  });

  it('does not start when the signal is already aborted', async () => {
    const ctx = new FakeContext();
    ctx.cancel();
    const { done } = runCommand('echo never', {}, ctx);
    assert.equal((await done).status, 'failed');
    assert.deepEqual(ctx.said, []);
  });
});
