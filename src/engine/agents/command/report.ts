/**
 * Applies line actions to the agent context and remembers what the outcome needs: the progress so
 * far (never going backwards), the result url/summary, a reported failure and the last error line.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Variant } from '../../../core/model';
import type { AgentContext, AgentOutcome } from '../types';
import { clip } from '../text';
import type { LineAction } from './actions';

/** How a process ended. */
export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all. */
  spawnError?: Error;
}

/** Without a known percentage each step closes a tenth of the remaining gap to 95 %, by at least 1. */
export function nextStepPercentage(p: number): number {
  if (p >= 95) {
    return p;
  }
  return Math.min(95, p + Math.max(1, Math.round((95 - p) / 10)));
}

const MAX_SUMMARY = 500;
const MAX_DETAIL = 300;

export class RunReport {
  private percentage = 0;
  private currentStep: string | undefined;
  private url: string | undefined;
  private summary: string | undefined;
  private failure: string | undefined;
  private lastError: string | undefined;

  private readonly workPrefix: string | undefined;

  constructor(private readonly ctx: AgentContext) {
    const dir = ctx.workDir.endsWith(path.sep) ? ctx.workDir.slice(0, -1) : ctx.workDir;
    this.workPrefix = dir ? dir + path.sep : undefined; // never strip a bare root
  }

  apply(actions: readonly LineAction[]): void {
    for (const a of actions) {
      this.applyOne(a);
    }
  }

  say(text: string, variant: Variant): void {
    const shown = this.relative(text);
    if (variant === 'error') {
      this.lastError = shown;
    }
    this.ctx.say(shown, variant);
  }

  /** The outcome for how the process ended. */
  outcome(exit: ExitInfo): AgentOutcome {
    if (exit.spawnError) {
      const noDir = !existsSync(this.ctx.workDir) ? ` (the work folder ${this.ctx.workDir} does not exist)` : '';
      return { status: 'failed', error: `Could not start the command: ${exit.spawnError.message}${noDir}` };
    }
    if (this.failure !== undefined) {
      return { status: 'failed', error: this.failure };
    }
    if (exit.code === 0) {
      return {
        status: 'completed',
        ...(this.url !== undefined ? { url: this.url } : {}),
        ...(this.summary !== undefined ? { summary: this.summary } : {}),
      };
    }
    const detail = this.lastError ? `: ${clip(this.lastError, MAX_DETAIL)}` : '';
    if (exit.code === 127) {
      return { status: 'failed', error: `Command not found (exit code 127)${detail}` };
    }
    if (exit.code !== null) {
      return { status: 'failed', error: `Command exited with code ${exit.code}${detail}` };
    }
    return { status: 'failed', error: `Command was killed by ${exit.signal ?? 'a signal'}${detail}` };
  }

  private applyOne(a: LineAction): void {
    switch (a.type) {
      case 'say':
        this.say(a.text, a.variant);
        return;
      case 'progress':
        this.report(
          Math.max(this.percentage, a.percentage),
          a.currentStep !== undefined ? this.relative(a.currentStep) : this.currentStep,
        );
        return;
      case 'step':
        this.report(nextStepPercentage(this.percentage), this.relative(a.currentStep));
        return;
      case 'result':
        if (a.url !== undefined) {
          this.url = a.url;
        }
        if (a.summary !== undefined) {
          this.summary = clip(a.summary, MAX_SUMMARY);
        }
        return;
      case 'failure':
        this.failure = a.error;
        return;
    }
  }

  /** Paths inside the work folder read better relative to it. */
  private relative(text: string): string {
    return this.workPrefix ? text.split(this.workPrefix).join('') : text;
  }

  private report(percentage: number, currentStep: string | undefined): void {
    this.percentage = Math.min(100, percentage);
    this.currentStep = currentStep;
    this.ctx.progress(
      currentStep !== undefined ? { percentage: this.percentage, currentStep } : { percentage: this.percentage },
    );
  }
}
