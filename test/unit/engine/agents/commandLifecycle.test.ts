import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { eventually, within } from './fakeContext';
import { runCommand } from './runCommand';

const posix = process.platform !== 'win32';
const linux = process.platform === 'linux' && existsSync('/proc/self/stat');

/** The one-letter process state from /proc (R, S, T, Z…), or undefined when the process is gone. */
function procState(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  } catch {
    return undefined;
  }
}

/**
 * Stopped by SIGSTOP: state T, or — when the stop caught the shell inside vfork — the shell waiting
 * uninterruptibly (D) on a child that is itself stopped. Either way nothing in the group runs.
 */
function frozen(pid: number): boolean {
  const state = procState(pid);
  if (state === 'T') {
    return true;
  }
  if (state !== 'D') {
    return false;
  }
  let children: number[];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return false;
  }
  return children.length > 0 && children.every((c) => procState(c) === 'T');
}

/** Gone, or a zombie waiting for a parent that is not ours to reap it. */
function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  return linux && procState(pid) === 'Z';
}

/** The number after `name=` in the run's log lines. */
function pidFrom(lines: string[], name: string): number | undefined {
  const line = lines.find((l) => l.startsWith(`${name}=`));
  return line ? Number(line.slice(name.length + 1)) : undefined;
}

(posix ? describe : describe.skip)('engine/agents/command: cancel and suspend (real processes)', () => {
  it('cancel terminates the whole process group, grandchildren included', async () => {
    const { ctx, done } = runCommand('sleep 30 & echo "grandchild=$!"; echo "shell=$$"; sleep 30');
    await ctx.waitFor(() => pidFrom(ctx.texts('log'), 'shell') !== undefined, 'the pids');
    const grandchild = pidFrom(ctx.texts('log'), 'grandchild')!;
    const shell = pidFrom(ctx.texts('log'), 'shell')!;
    const started = Date.now();
    ctx.cancel();
    const outcome = await done;
    assert.equal(outcome.status, 'failed');
    assert.ok(Date.now() - started < 2000, 'stopped by SIGTERM, well before the kill grace period');
    assert.ok(gone(shell), 'the shell is gone once done settled');
    await eventually(() => gone(grandchild), `grandchild ${grandchild} to be gone`, 2000);
  });

  it('kills with SIGKILL after the grace period when SIGTERM is ignored', async () => {
    const { ctx, done } = runCommand("trap '' TERM; echo ready; while :; do sleep 0.05; done", { killGraceMs: 300 });
    await ctx.waitFor(() => ctx.texts('log').includes('ready'), 'ready');
    const started = Date.now();
    ctx.cancel();
    const outcome = await done;
    const took = Date.now() - started;
    assert.equal(outcome.status, 'failed');
    assert.ok(took >= 250, `waited for the grace period (${took} ms)`);
    assert.ok(took < 3000, `killed soon after it (${took} ms)`);
  });

  it('kills a group whose leader exits on SIGTERM but whose child ignores it', async () => {
    const script = `(trap '' TERM; echo "child=$(exec sh -c 'echo $PPID')"; while :; do sleep 0.05; done) & sleep 30`;
    const { ctx, done } = runCommand(script, { killGraceMs: 300 });
    await ctx.waitFor(() => pidFrom(ctx.texts('log'), 'child') !== undefined, 'the child pid');
    const child = pidFrom(ctx.texts('log'), 'child')!;
    ctx.cancel();
    await done;
    await eventually(() => gone(child), `child ${child} to be gone`, 2000);
  });

  (linux ? it : it.skip)('suspend stops the whole group and resume lets it continue', async () => {
    const { ctx, run, done } = runCommand(
      'echo "shell=$$"; i=0; while :; do i=$((i+1)); echo "tick $i"; sleep 0.02; done',
    );
    await ctx.waitFor(() => ctx.texts('log').some((l) => l.startsWith('tick')), 'the first tick');
    const shell = pidFrom(ctx.texts('log'), 'shell')!;
    run.suspend!();
    await eventually(() => frozen(shell), 'the shell to be stopped');
    // the shell (and with it the whole group) is stopped and prints nothing until resumed
    const ticks = () => ctx.texts('log').filter((l) => l.startsWith('tick')).length;
    const before = ticks();
    run.resume!();
    await eventually(() => !frozen(shell), 'the shell to run again');
    await ctx.waitFor(() => ticks() > before + 2, 'new ticks after resume');
    ctx.cancel();
    assert.equal((await within(done, 3000, 'cancel')).status, 'failed');
  });

  (linux ? it : it.skip)('cancel while suspended still stops the process promptly', async () => {
    const { ctx, run, done } = runCommand('echo "shell=$$"; sleep 30');
    await ctx.waitFor(() => pidFrom(ctx.texts('log'), 'shell') !== undefined, 'the pid');
    const shell = pidFrom(ctx.texts('log'), 'shell')!;
    run.suspend!();
    await eventually(() => frozen(shell), 'the shell to be stopped');
    const started = Date.now();
    ctx.cancel();
    await done;
    assert.ok(Date.now() - started < 2000, 'SIGTERM took effect without waiting for SIGKILL');
    assert.ok(gone(shell));
  });
});
