/**
 * A recording AgentContext for agent tests: keeps every say/progress/ask call, lets the test answer
 * asks, owns the AbortController, and offers bounded waits that react to each recorded call.
 */
import os from 'node:os';
import type { Answer, Pause, Progress, Variant } from '../../../../src/core/model';
import type { AgentContext, AgentProject } from '../../../../src/engine/agents/types';

export interface Said {
  text: string;
  variant: Variant;
}

export interface AskCall {
  pause: Pause;
  options: { autoResumeMs?: number } | undefined;
  answer(answers?: Answer[]): void;
  settled: boolean;
}

const abortError = () => Object.assign(new Error('The workflow was cancelled'), { name: 'AbortError' });

export class FakeContext implements AgentContext {
  readonly workflowId = 'wf_test1';
  readonly sessionId = 'ses_test1';
  readonly project: AgentProject = { id: 'prj_test1', name: 'Todo_App', description: 'A small to-do app' };
  readonly controller = new AbortController();
  readonly said: Said[] = [];
  readonly progresses: Progress[] = [];
  readonly asks: AskCall[] = [];
  /** Calls made after the signal aborted (should stay empty). */
  readonly afterAbort: string[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly message = 'Build a to-do app',
    readonly workDir = os.tmpdir(),
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  say(text: string, variant: Variant = 'info'): void {
    if (this.signal.aborted) {
      this.afterAbort.push(`say ${text}`);
    }
    this.said.push({ text, variant });
    this.changed();
  }

  progress(p: Progress): void {
    if (this.signal.aborted) {
      this.afterAbort.push(`progress ${p.percentage}`);
    }
    this.progresses.push(p);
    this.changed();
  }

  ask(pause: Pause, options?: { autoResumeMs?: number }): Promise<Answer[]> {
    return new Promise<Answer[]>((resolve, reject) => {
      const call: AskCall = {
        pause,
        options,
        settled: false,
        answer: (answers: Answer[] = []) => {
          if (call.settled) {
            return;
          }
          call.settled = true;
          resolve(answers);
        },
      };
      this.signal.addEventListener('abort', () => {
        if (call.settled) {
          return;
        }
        call.settled = true;
        reject(abortError());
      });
      // like the engine: secrets/supabase pauses may resume by themselves
      const auto = pause.type !== 'questions' ? options?.autoResumeMs : undefined;
      if (auto !== undefined) {
        setTimeout(() => call.answer([]), auto);
      }
      this.asks.push(call);
      this.changed();
    });
  }

  cancel(): void {
    this.controller.abort();
  }

  texts(variant?: Variant): string[] {
    return this.said.filter((s) => variant === undefined || s.variant === variant).map((s) => s.text);
  }

  /** Resolves once `test()` holds, re-checking after every recorded call; fails after `timeoutMs`. */
  waitFor(test: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
    if (test()) {
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!test()) {
          return;
        }
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
    });
  }

  private changed(): void {
    for (const l of [...this.listeners]) {
      l();
    }
  }
}

/** Polls `test` every 10 ms until it holds; fails after `timeoutMs`. For conditions outside the context. */
export async function eventually(test: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Settles with the promise, or fails after `timeoutMs`. */
export async function within<T>(p: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
