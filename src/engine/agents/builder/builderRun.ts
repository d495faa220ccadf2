/**
 * One builder workflow: plan → generate → check → commit → deploy, reporting each step. Whatever stops
 * it (a cancel, a failed check, an error) puts the app's folder back at the commit it started from
 * before `done` settles.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Variant } from '../../../core/model';
import { abortable } from '../emulator/clock';
import { clip, firstLine } from '../text';
import type { AgentContext, AgentOutcome, AgentRun, BuilderStep } from '../types';
import { AppRepo } from './appRepo';
import { recognise, type Change } from './features';
import type { HtmlCheck } from './htmlCheck';
import { planChanges, type Plan } from './plan';
import { changesFromAnswers, whatToBuildPause } from './question';
import type { SiteRenderer } from './renderSite';
import { RunGate } from './runGate';
import { emptySite, readSiteModel } from './siteModel';
import { publishStaged, stageFiles } from './stagedFiles';

export type { BuilderStep } from '../types';

export interface BuilderDeps {
  /** Where the engine serves the app of a project built in `workDir`; undefined when it does not serve that folder. */
  appUrlFor(projectId: string, workDir: string): string | undefined;
  gitBinary: string;
  now(): Date;
  check: HtmlCheck;
  render: SiteRenderer;
  onStep(step: BuilderStep, signal: AbortSignal): void | Promise<void>;
}

const STEPS: Record<BuilderStep, [percentage: number, label: string]> = {
  plan: [5, 'Planning'],
  generate: [30, 'Generating files'],
  check: [55, 'Checking the HTML'],
  commit: [75, 'Committing'],
  deploy: [90, 'Deploying'],
};

export class BuilderRun implements AgentRun {
  readonly done: Promise<AgentOutcome>;
  private readonly gate: RunGate;

  constructor(
    private readonly ctx: AgentContext,
    private readonly deps: BuilderDeps,
    inTurn: (work: () => Promise<AgentOutcome>) => Promise<AgentOutcome>,
  ) {
    this.gate = new RunGate(ctx.signal);
    this.done = inTurn(() => this.run());
  }

  suspend(): void {
    this.gate.suspend();
  }

  resume(): void {
    this.gate.resume();
  }

  private async run(): Promise<AgentOutcome> {
    const repo = new AppRepo(this.ctx.workDir, this.deps.gitBinary);
    let start: string | null | undefined;
    try {
      this.gate.throwIfAborted();
      const opened = await repo.open();
      start = opened.start;
      if (opened.undidInterrupted) {
        this.say('Undid the files an interrupted workflow left half-written', 'log');
      }
      if (opened.outside) {
        const { hash, files } = opened.outside;
        this.say(`Kept the changes made outside Bilt as commit ${hash.slice(0, 7)}: ${files.join(', ')}`, 'log');
      }
      return await this.build(repo);
    } catch (e) {
      const restoreProblem =
        start === undefined
          ? undefined
          : await repo
              .restore(start)
              .then(() => repo.close())
              .then(() => undefined, describe);
      if (this.ctx.signal.aborted) {
        return { status: 'failed', error: 'Cancelled' };
      }
      const error = describe(e) + (restoreProblem ? ` (and the app could not be put back: ${restoreProblem})` : '');
      this.say(`Build failed: ${firstLine(error)}`, 'error');
      return { status: 'failed', error };
    }
  }

  private async build(repo: AppRepo): Promise<AgentOutcome> {
    const { ctx, deps } = this;
    await this.step('plan');
    const plan = planChanges((await readSiteModel(ctx.workDir)) ?? emptySite(), await this.changesAsked());
    this.sayPlan(plan);

    await this.step('generate');
    const info = { ...ctx.project, appKey: ctx.project.id, year: deps.now().getFullYear() };
    const files = deps.render(plan.site, info);
    await stageFiles(ctx.workDir, files);
    this.say(`Generated ${[...files.keys()].join(', ')}`, 'log');

    await this.step('check');
    const problems = await deps.check(files);
    if (problems.length > 0) {
      const shown = problems.slice(0, 20).join('\n');
      throw new Error(`The HTML check found ${problems.length} problem(s):\n${shown}`);
    }
    this.say(`HTML check passed (html-validate, recommended rules)`, 'log');

    await this.step('commit');
    await publishStaged(ctx.workDir, files);
    const subject = clip(firstLine(ctx.message) || 'Update the app', 72);
    const commit = await repo.commit(subject, describePlan(plan));
    this.say(`Committed ${commit.hash.slice(0, 7)}: ${commit.stat}`, 'log');
    if (commit.files.length > 0) {
      this.say(`Changed: ${commit.files.join(', ')}`, 'log');
    }

    await this.step('deploy');
    const served = deps.appUrlFor(ctx.project.id, ctx.workDir);
    await repo.close();
    // from here on nothing waits: a cancel either came before this line (and undoes the commit) or after the end
    this.gate.throwIfAborted();
    const url = served ?? pathToFileURL(path.join(ctx.workDir, 'index.html')).href;
    ctx.progress({ percentage: 100, currentStep: STEPS.deploy[1] });
    if (served) {
      ctx.say(`Your app is live at ${url}`, 'success');
    } else {
      // a session's own data.workdir: the engine serves only projects' own folders
      ctx.say(`Your app is ready at ${url} (the engine serves only the project's own folder)`, 'success');
    }
    const summary = `${plan.changes.length > 0 ? capitalise(plan.changes.join('; ')) : 'No new changes'} (commit ${commit.hash.slice(0, 7)})`;
    return { status: 'completed', summary, url };
  }

  /** The instruction's changes; when it names none the builder knows, the ones the user picks. */
  private async changesAsked(): Promise<Change[]> {
    const changes = recognise(this.ctx.message);
    if (changes.length > 0) {
      return changes;
    }
    const answers = await abortable(this.ctx.ask(whatToBuildPause(this.ctx.message)), this.ctx.signal);
    await this.gate.pass();
    const chosen = changesFromAnswers(answers);
    if (chosen.length === 0) {
      throw new Error('Nothing to build: the answer chose none of the things the builder can add');
    }
    return chosen;
  }

  private sayPlan(plan: Plan): void {
    const lines = [
      ...plan.changes.map((c) => `• ${capitalise(c)}`),
      ...plan.unchanged.map((u) => `• Already done: ${u}`),
    ];
    this.say(`Planned changes for ${this.ctx.project.name}:\n${lines.join('\n')}`);
  }

  private async step(step: BuilderStep): Promise<void> {
    await this.gate.pass();
    const [percentage, label] = STEPS[step];
    this.ctx.progress({ percentage, currentStep: label });
    await this.deps.onStep(step, this.ctx.signal);
    await this.gate.pass();
  }

  /** Nothing is reported once the workflow is cancelled. */
  private say(text: string, variant: Variant = 'info'): void {
    if (!this.ctx.signal.aborted) {
      this.ctx.say(text, variant);
    }
  }
}

function describePlan(plan: Plan): string {
  return plan.changes.length > 0 ? plan.changes.map((c) => `- ${c}`).join('\n') : '- no new changes';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
