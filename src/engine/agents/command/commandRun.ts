/**
 * One run of a shell command: spawns it in the work folder, feeds it the message, turns its output
 * into messages/progress through the configured parser, and stops the whole process group on cancel
 * (SIGTERM, then SIGKILL after the grace period). `done` settles only once the process has exited.
 */
import type { ChildProcess } from 'node:child_process';
import type { Variant } from '../../../core/model';
import type { AgentContext, AgentOutcome, AgentRun, ProcessGroupLog } from '../types';
import type { LineAction, LineParser } from './actions';
import { pump } from './lines';
import { groupAlive, isWindows, signalGroup, spawnShell, waitUntil } from './processGroup';
import { RunReport, type ExitInfo } from './report';

export interface CommandRunConfig {
  command: string;
  env: NodeJS.ProcessEnv;
  parseStdout: LineParser;
  stderrVariant: Variant;
  killGraceMs: number;
  processGroups?: ProcessGroupLog;
}

/** How long to wait for the output pipes to drain after the command exited (a background process may hold them). */
const DRAIN_MS = 500;
/** How long to wait for the group to vanish after SIGKILL. */
const KILL_WAIT_MS = 2000;
const CANCELLED: AgentOutcome = { status: 'failed', error: 'Cancelled' };

export class CommandRun implements AgentRun {
  readonly done: Promise<AgentOutcome>;
  private child: ChildProcess | undefined;
  private exited = false;
  private suspended = false;
  private cancelledAt: number | undefined;
  private killTimer: NodeJS.Timeout | undefined;
  /** Set once the outcome is decided: output arriving later (or after a cancel) is dropped. */
  private finished = false;

  constructor(
    private readonly config: CommandRunConfig,
    private readonly ctx: AgentContext,
  ) {
    this.done = this.run();
  }

  suspend(): void {
    const pid = this.child?.pid;
    if (pid === undefined || this.exited || this.suspended || isWindows) {
      return;
    }
    if (signalGroup(pid, 'SIGSTOP')) {
      this.suspended = true;
    }
  }

  resume(): void {
    const pid = this.child?.pid;
    if (pid === undefined || !this.suspended) {
      return;
    }
    this.suspended = false;
    signalGroup(pid, 'SIGCONT');
  }

  private async run(): Promise<AgentOutcome> {
    const { ctx, config } = this;
    if (ctx.signal.aborted) {
      return CANCELLED;
    }
    const report = new RunReport(ctx);
    let child: ChildProcess;
    config.processGroups?.starting(ctx.workflowId);
    try {
      child = spawnShell(config.command, { cwd: ctx.workDir, env: config.env });
    } catch (e) {
      config.processGroups?.ended(undefined, ctx.workflowId);
      return report.outcome({ code: null, signal: null, spawnError: e instanceof Error ? e : new Error(String(e)) });
    }
    this.child = child;
    const pgid = child.pid;
    if (pgid !== undefined) {
      config.processGroups?.started(pgid, ctx.workflowId);
    } else {
      config.processGroups?.ended(undefined, ctx.workflowId);
    }
    const live = () => !this.finished && this.cancelledAt === undefined;
    const exit = waitForExit(child);
    const drained = Promise.all([
      pump(
        child.stdout,
        (line) => {
          if (live()) {
            report.apply(parseSafely(config.parseStdout, line));
          }
        },
        () => ctx.backlog?.(),
      ),
      pump(
        child.stderr,
        (line) => {
          if (live()) {
            report.say(line, config.stderrVariant);
          }
        },
        () => ctx.backlog?.(),
      ),
    ]);
    child.stdin?.on('error', () => undefined); // the command may exit without reading its input
    child.stdin?.end(ctx.message);
    const onAbort = () => this.cancel();
    ctx.signal.addEventListener('abort', onAbort, { once: true });
    try {
      const info = await exit;
      this.exited = true;
      await withTimeout(drained, DRAIN_MS);
      this.finished = true;
      if (this.cancelledAt !== undefined) {
        await this.reapGroup(child.pid);
      }
      return this.cancelledAt !== undefined ? CANCELLED : report.outcome(info);
    } finally {
      this.finished = true;
      ctx.signal.removeEventListener('abort', onAbort);
      clearTimeout(this.killTimer);
      child.stdout?.destroy();
      child.stderr?.destroy();
      config.processGroups?.ended(pgid, ctx.workflowId);
    }
  }

  private cancel(): void {
    const pid = this.child?.pid;
    if (this.cancelledAt !== undefined || pid === undefined) {
      return;
    }
    this.cancelledAt = Date.now();
    signalGroup(pid, 'SIGTERM');
    // a stopped process acts on SIGTERM only once it runs again
    if (this.suspended) {
      this.resume();
    }
    this.killTimer = setTimeout(() => signalGroup(pid, 'SIGKILL'), this.config.killGraceMs);
  }

  /** After a cancel: the leader has exited; wait (bounded) until the rest of its group is gone too. */
  private async reapGroup(pid: number | undefined): Promise<void> {
    if (pid === undefined || isWindows) {
      return;
    }
    const graceEnd = (this.cancelledAt ?? Date.now()) + this.config.killGraceMs;
    if (await waitUntil(() => !groupAlive(pid), graceEnd)) {
      return;
    }
    signalGroup(pid, 'SIGKILL');
    await waitUntil(() => !groupAlive(pid), Date.now() + KILL_WAIT_MS);
  }
}

/** Resolves when the process exits, or at once when it could not be started. */
function waitForExit(child: ChildProcess): Promise<ExitInfo> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (err) => {
      if (child.pid === undefined) {
        resolve({ code: null, signal: null, spawnError: err });
      }
    });
  });
}

function parseSafely(parse: LineParser, line: string): LineAction[] {
  try {
    return parse(line);
  } catch {
    return [{ type: 'say', text: line, variant: 'log' }];
  }
}

/** Waits for `p`, but no longer than `ms`. */
async function withTimeout(p: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([p, new Promise<void>((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}
