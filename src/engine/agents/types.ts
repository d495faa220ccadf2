/**
 * What the engine asks of an agent: run one workflow, report through the context, stop when the
 * signal aborts. The engine owns all state; an agent only reports (messages, progress, pauses, result).
 */
import type { Answer, Pause, Progress, Variant } from '../../core/model';

export interface AgentProject {
  id: string;
  name: string;
  description: string | null;
}

export interface AgentContext {
  readonly workflowId: string;
  readonly sessionId: string;
  readonly project: AgentProject;
  /** The user's instruction that started the workflow. */
  readonly message: string;
  /** The project's working folder (or the session's `data.workdir`); it exists when start() is called. */
  readonly workDir: string;
  /** The model the session asks for (`data.model`), for agents that take one. */
  readonly model?: string | undefined;
  /** Aborted when the workflow is cancelled (or the engine shuts down); the agent must stop all work. */
  readonly signal: AbortSignal;
  /** Appends an AI-side message to the session (variant defaults to 'info'). */
  say(text: string, variant?: Variant): void;
  /**
   * Undefined while the engine keeps up with say() and progress(); else a promise that resolves when it
   * has caught up. An agent that can hold its producer (a child's output stream) waits on it.
   */
  backlog?(): Promise<void> | undefined;
  /** Updates the workflow's progress (percentage 0–100, current step). */
  progress(p: Progress): void;
  /**
   * Pauses the workflow until the user resumes it. Resolves with the user's answers for a
   * `questions` pause (validated against the questions by the engine), with [] otherwise.
   * Rejects with an AbortError if the workflow is cancelled meanwhile.
   * `autoResumeMs` (secrets/supabase pauses only) makes the engine resume the workflow by itself after
   * that delay, simulating the user finishing the step at the project URL (the live service resumes
   * such pauses automatically once the user has acted).
   */
  ask(pause: Pause, options?: { autoResumeMs?: number }): Promise<Answer[]>;
}

export type AgentOutcome =
  { status: 'completed'; summary?: string; url?: string } | { status: 'failed'; error: string };

export interface AgentRun {
  /** Settles when the agent has fully stopped (after a cancel too: the engine ignores the outcome then). */
  readonly done: Promise<AgentOutcome>;
  /** Engine-initiated pause (user pressed pause): freeze all work until resume(). */
  suspend?(): void;
  resume?(): void;
}

export interface Agent {
  readonly name: string;
  start(ctx: AgentContext): AgentRun;
}

/** Options the engine's CLI passes through to the agent factory. */
export interface AgentOptions {
  /** command agent: the shell command line to run (sh -c on POSIX, cmd /c on Windows). */
  command?: string;
  /** emulator: path of a scenario file (JSON); the built-in default scenario otherwise. */
  scenario?: string;
  /** emulator: time scale, 1 = real time, 0.1 = ten times faster. */
  speed?: number;
  /** command agent: grace period between SIGTERM and SIGKILL on cancel, in ms (default 5000). */
  killGraceMs?: number;
  /** Extra environment for spawned processes. */
  env?: Record<string, string>;
  /** command agent: where it records its running process groups (the data dir's, set by `serve`). */
  processGroups?: ProcessGroupLog;
  /**
   * builder: the address the engine serves a project's app at (`serve` sets it once it listens);
   * undefined when it does not serve `workDir`. Without it, results are the files' own URLs.
   */
  appUrlFor?: (projectId: string, workDir: string) => string | undefined;
  /** builder, for tests: every run waits as this step starts until it is cancelled (`--builder-hold-at`). */
  builderHoldAt?: BuilderStep;
}

/** The builder agent's steps, in order (docs/BUILDER.md). */
export const BUILDER_STEPS = ['plan', 'generate', 'check', 'commit', 'deploy'] as const;
export type BuilderStep = (typeof BUILDER_STEPS)[number];

/**
 * The command agent's running process groups, kept durably so that the next engine can stop the ones
 * a killed engine left (see command/groupRecords.ts).
 */
export interface ProcessGroupLog {
  /** Just before the command is started (its group id is not known yet). */
  starting(workflowId: string): void;
  started(pgid: number, workflowId: string): void;
  /** The run is over; `pgid` undefined when the command could not be started. */
  ended(pgid: number | undefined, workflowId: string): void;
}
