/**
 * An agent a test drives by hand: every started workflow becomes a ScriptedRun the test can make
 * speak, progress, ask, complete or fail. Cancel (the signal) ends the run at once.
 */
import type { Answer, Pause } from '../../src/core/model';
import type { Agent, AgentContext, AgentOutcome, AgentRun } from '../../src/engine/agents/types';

export class ScriptedRun {
  suspended = false;
  readonly run: AgentRun;
  private settle!: (o: AgentOutcome) => void;

  constructor(readonly ctx: AgentContext) {
    const done = new Promise<AgentOutcome>((r) => (this.settle = r));
    ctx.signal.addEventListener('abort', () => this.settle({ status: 'failed', error: 'aborted' }), { once: true });
    this.run = {
      done,
      suspend: () => {
        this.suspended = true;
      },
      resume: () => {
        this.suspended = false;
      },
    };
  }

  get aborted(): boolean {
    return this.ctx.signal.aborted;
  }
  complete(url?: string, summary?: string): void {
    this.settle({ status: 'completed', ...(url ? { url } : {}), ...(summary ? { summary } : {}) });
  }
  fail(error: string): void {
    this.settle({ status: 'failed', error });
  }
  ask(pause: Pause, autoResumeMs?: number): Promise<Answer[]> {
    return this.ctx.ask(pause, autoResumeMs === undefined ? undefined : { autoResumeMs });
  }
}

export class ScriptedAgent implements Agent {
  readonly name = 'scripted';
  readonly runs: ScriptedRun[] = [];
  private waiting: Array<(r: ScriptedRun) => void> = [];

  start(ctx: AgentContext): AgentRun {
    const r = new ScriptedRun(ctx);
    this.runs.push(r);
    const w = this.waiting.shift();
    if (w) {
      w(r);
    }
    return r.run;
  }

  /** The run of the given start (0-based), waiting for it if it has not started yet. */
  run(index: number): Promise<ScriptedRun> {
    const existing = this.runs[index];
    if (existing) {
      return Promise.resolve(existing);
    }
    return new Promise((resolve) => {
      const check = (r: ScriptedRun) => (this.runs[index] === r ? resolve(r) : this.waiting.push(check));
      this.waiting.push(check);
    });
  }
}
