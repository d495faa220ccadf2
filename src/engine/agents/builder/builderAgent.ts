/**
 * The `builder` agent: really changes a small static web app for each instruction. It recognises a
 * handful of common requests (hero, signup and contact forms, pricing, FAQ, footer, theme, pages), keeps
 * a site model, renders every file from templates, checks the HTML, commits each workflow in the app's
 * own git repository and hands back the URL the engine serves the app at. See docs/BUILDER.md.
 */
import path from 'node:path';
import type { Agent, AgentContext, AgentRun } from '../types';
import { BuilderRun, type BuilderDeps, type BuilderStep } from './builderRun';
import { checkHtml, type HtmlCheck } from './htmlCheck';
import { renderSite, type SiteRenderer } from './renderSite';

export type { BuilderStep } from './builderRun';

export interface BuilderOptions {
  /**
   * Where the engine serves a project's app (`/apps/<projectId>/`): the workflow's result URL. Undefined
   * when the engine does not serve `workDir` (a session's own `data.workdir`): the result is then the
   * file's own URL.
   */
  appUrlFor(projectId: string, workDir: string): string | undefined;
  /** The git executable (default `git` on PATH). */
  gitBinary?: string;
  /** For the footer's year (default: the system clock). */
  now?: () => Date;
  /** The check step (default: html-validate's recommended rules). */
  check?: HtmlCheck;
  /** The templates (default: the built-in ones). */
  render?: SiteRenderer;
  /** Called as each step starts, before its work: a test's barrier (it may cancel, or hold the run). */
  onStep?: (step: BuilderStep, signal: AbortSignal) => void | Promise<void>;
}

/**
 * For over-the-wire tests (`--builder-hold-at STEP`): every run waits as `step` starts until it is
 * cancelled, so a test can cancel a workflow at a known point (at `deploy`, its commit is made).
 */
export function holdAt(step: BuilderStep): NonNullable<BuilderOptions['onStep']> {
  return (s, signal) =>
    s !== step || signal.aborted
      ? undefined
      : new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** Runs in one app folder follow each other (two sessions may share a project's folder). */
const queues = new Map<string, Promise<unknown>>();

export class BuilderAgent implements Agent {
  readonly name = 'builder';

  constructor(private readonly options: BuilderOptions) {}

  start(ctx: AgentContext): AgentRun {
    const o = this.options;
    const deps: BuilderDeps = {
      appUrlFor: (id, workDir) => o.appUrlFor(id, workDir),
      gitBinary: o.gitBinary ?? 'git',
      now: o.now ?? (() => new Date()),
      check: o.check ?? checkHtml,
      render: o.render ?? renderSite,
      onStep: o.onStep ?? (() => undefined),
    };
    return new BuilderRun(ctx, deps, (work) => inTurn(path.resolve(ctx.workDir), work));
  }
}

function inTurn<T>(key: string, work: () => Promise<T>): Promise<T> {
  const before = queues.get(key) ?? Promise.resolve();
  const turn = before.then(work);
  const settled = turn.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) {
      queues.delete(key);
    }
  });
  return turn;
}
