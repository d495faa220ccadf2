/**
 * The `emulator` agent: plays a scenario (the built-in plan → build → deploy one by default) on a
 * timeline scaled by `speed`, pausing through ctx.ask where the scenario says so. Nothing is built.
 */
import type { Answer } from '../../../core/model';
import { clip, fillTemplate, slug } from '../text';
import type { Agent, AgentContext, AgentOutcome, AgentRun } from '../types';
import { PausableClock, abortable } from './clock';
import { defaultScenario } from './defaultScenario';
import type { Scenario, ScenarioPause, ScenarioStep } from './scenario';

export interface EmulatorOptions {
  /** The built-in default scenario when absent. */
  scenario?: Scenario;
  /** Time scale: 1 = as written, 0.1 = ten times faster, 0 = no waiting. */
  speed?: number;
}

export class EmulatorAgent implements Agent {
  readonly name = 'emulator';

  constructor(private readonly options: EmulatorOptions = {}) {}

  start(ctx: AgentContext): AgentRun {
    return new EmulatorRun(this.options.scenario ?? defaultScenario(ctx.message), this.options.speed ?? 1, ctx);
  }
}

class EmulatorRun implements AgentRun {
  readonly done: Promise<AgentOutcome>;
  private readonly clock: PausableClock;
  private readonly vars: Record<string, string>;
  private percentage = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly speed: number,
    private readonly ctx: AgentContext,
  ) {
    this.clock = new PausableClock(ctx.signal);
    const values = { project: ctx.project.name, projectId: ctx.project.id, message: clip(ctx.message.trim(), 120) };
    const url = scenario.deployment
      ? fillTemplate(scenario.deployment.urlTemplate, { ...values, project: slug(ctx.project.name) })
      : '';
    this.vars = { ...values, url };
    this.done = this.play().catch((e: unknown) => ({
      status: 'failed',
      error: ctx.signal.aborted ? 'Cancelled' : `Emulator error: ${e instanceof Error ? e.message : String(e)}`,
    }));
  }

  suspend(): void {
    this.clock.suspend();
  }

  resume(): void {
    this.clock.resume();
  }

  private async play(): Promise<AgentOutcome> {
    await this.clock.sleep(0); // start asynchronously, like a real agent
    for (const step of this.scenario.steps) {
      await this.playStep(step);
      if (step.pause) {
        await this.pause(step.pause);
      }
      if (step.failure) {
        return { status: 'failed', error: this.fill(step.failure.message) };
      }
      this.percentage = Math.max(this.percentage, step.progress);
      this.report(step.name);
    }
    return {
      status: 'completed',
      ...(this.vars['url'] ? { url: this.vars['url'] } : {}),
      ...(this.scenario.summary ? { summary: this.fill(this.scenario.summary) } : {}),
    };
  }

  /** The step's messages at their offsets, progress moving towards the step's end value meanwhile. */
  private async playStep(step: ScenarioStep): Promise<void> {
    this.report(step.name);
    const messages = [...step.messages].sort((a, b) => a.at - b.at);
    let elapsed = 0;
    for (const m of messages) {
      await this.wait(m.at - elapsed);
      elapsed = m.at;
      this.guard();
      this.ctx.say(this.fill(m.text), m.variant);
      if (m.at > 0 && m.at < step.duration) {
        const at = this.percentage + ((step.progress - this.percentage) * m.at) / step.duration;
        this.report(step.name, Math.round(at));
      }
    }
    await this.wait(step.duration - elapsed);
  }

  private async pause(p: ScenarioPause): Promise<void> {
    const pause = {
      type: p.type,
      ...(p.questions ? { questions: p.questions } : {}),
      ...(p.message ? { message: this.fill(p.message) } : {}),
    };
    const auto = p.autoResumeMs !== undefined ? { autoResumeMs: Math.round(p.autoResumeMs * this.speed) } : undefined;
    const answers = await abortable(this.ctx.ask(pause, auto), this.ctx.signal);
    await this.clock.sleep(0); // continue only when not suspended
    this.guard();
    if (p.type === 'questions') {
      this.ctx.say(`Using: ${describeAnswers(answers)}`, 'info');
    } else {
      this.ctx.say(
        p.type === 'secrets' ? 'Secrets are in place; continuing' : 'Supabase is connected; continuing',
        'log',
      );
    }
  }

  private wait(ms: number): Promise<void> {
    return this.clock.sleep(ms * this.speed);
  }

  private report(step: string, percentage = this.percentage): void {
    this.guard();
    this.ctx.progress({ percentage, currentStep: step });
  }

  private fill(text: string): string {
    return fillTemplate(text, this.vars);
  }

  /** Nothing is reported once the workflow is cancelled. */
  private guard(): void {
    if (this.ctx.signal.aborted) {
      throw new Error('Cancelled');
    }
  }
}

/** "Blue, Large; a note" — each answer's chosen options and text. */
export function describeAnswers(answers: readonly Answer[]): string {
  const parts = [...answers]
    .sort((a, b) => a.questionIndex - b.questionIndex)
    .map((a) => [...a.selectedOptions, a.text?.trim()].filter((x): x is string => !!x).join(', '))
    .filter((p) => p.length > 0);
  return parts.length > 0 ? parts.join('; ') : 'the defaults';
}
