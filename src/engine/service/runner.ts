/**
 * Runs workflows through their session's agent (the engine's default unless the session picked one):
 * starts them (up to maxConcurrent at once, the rest stay pending) in the project's folder or the
 * session's `data.workdir`, turns what the agent reports into committed records, and stops agents on
 * cancel or shutdown. Decisions about whether a cancel/resume is allowed are made by the service
 * before it calls in here.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Answer, Pause, Progress, Variant, Workflow } from '../../core/model';
import type { AgentPool } from '../agents/pool';
import type { Agent, AgentContext, AgentOutcome, AgentRun } from '../agents/types';
import type { ChangeRecord } from '../state/records';
import { iso, type ServiceContext } from './context';
import { sessionModel, sessionWorkdir, workdirProblem } from './sessionData';
import { finishRecords, messageRecord, pauseRecords } from './workflowRecords';

export interface RunnerOptions {
  /** The default agent and the ones sessions pick. */
  agents: AgentPool;
  /** Each project works in <workRoot>/<project name>. */
  workRoot: string;
  maxConcurrent: number;
  log(line: string): void;
}

interface Active {
  readonly workflowId: string;
  readonly controller: AbortController;
  agent?: Agent;
  run?: AgentRun;
  ask?: { resolve(answers: Answer[]): void; reject(e: Error): void; timer?: NodeJS.Timeout | undefined };
  stopped?: Promise<void>;
}

const abortError = () => Object.assign(new Error('The workflow was cancelled'), { name: 'AbortError' });

export class Runner {
  private readonly active = new Map<string, Active>();
  private readonly queue: string[] = [];

  constructor(
    private readonly ctx: ServiceContext,
    private readonly options: RunnerOptions,
  ) {}

  /** The default agent and the ones sessions pick. */
  get agents(): AgentPool {
    return this.options.agents;
  }

  /** The name of the agent running a workflow (the default agent's when it is not running). */
  agentNameOf(workflowId: string): string {
    return this.active.get(workflowId)?.agent?.name ?? this.options.agents.defaultAgent.name;
  }

  /**
   * A project's own folder, <workRoot>/<project name>: where its workflows run unless their session
   * names a `data.workdir` (the builder's app, served at /apps/<projectId>/). Undefined: no such project.
   */
  projectFolder(projectId: string): string | undefined {
    const project = this.ctx.state.project(projectId);
    return project && this.folderOf(project.name);
  }

  private folderOf(projectName: string): string {
    return path.join(this.options.workRoot, projectName);
  }

  /** Starts a pending workflow now if a slot is free; resolves once its new status is committed. */
  async enqueue(workflowId: string): Promise<void> {
    if (this.active.size < this.options.maxConcurrent) {
      await this.start(workflowId);
    } else {
      this.queue.push(workflowId);
    }
  }

  /**
   * For a workflow about to be created (pending): takes a free slot for it and returns the record that
   * marks it running, to be committed with its creation (one commit, one fdatasync, per send); then call
   * launch(). Undefined when every slot is busy: commit it pending and enqueue() it.
   */
  claim(w: Workflow): ChangeRecord | undefined {
    if (this.active.size >= this.options.maxConcurrent || this.active.has(w.id)) {
      return undefined;
    }
    this.active.set(w.id, { workflowId: w.id, controller: new AbortController() });
    const at = iso(this.ctx.clock);
    return { type: 'workflow.updated', workflowId: w.id, patch: { status: 'running', startedAt: at, updatedAt: at } };
  }

  /** Gives back a claimed slot whose commit failed. */
  unclaim(workflowId: string): void {
    this.active.delete(workflowId);
  }

  /** Stops the agent of a workflow the service has already marked cancelled. */
  cancel(workflowId: string): void {
    const i = this.queue.indexOf(workflowId);
    if (i >= 0) {
      this.queue.splice(i, 1);
    }
    const a = this.active.get(workflowId);
    if (!a) {
      return;
    }
    this.settleAsk(a)?.reject(abortError());
    a.controller.abort();
  }

  /** Continues a paused workflow: answers go to the agent's pending ask, else the agent is un-suspended. */
  resume(workflowId: string, answers: Answer[]): void {
    const a = this.active.get(workflowId);
    if (!a) {
      return;
    }
    const ask = this.settleAsk(a);
    if (ask) {
      ask.resolve(answers);
    } else {
      a.run?.resume?.();
    }
  }

  /**
   * Freezes a running agent: 'suspended'; 'unsupported' when its agent cannot be suspended; 'busy' in
   * the moment its run is being started or has just ended (the state says running, there is no run).
   */
  suspend(workflowId: string): 'suspended' | 'unsupported' | 'busy' {
    const run = this.active.get(workflowId)?.run;
    if (!run) {
      return 'busy';
    }
    if (!run.suspend) {
      return 'unsupported';
    }
    run.suspend();
    return 'suspended';
  }

  /** Whether the agent is waiting in ask() (a pause it asked for), as opposed to a user suspension. */
  isAsking(workflowId: string): boolean {
    return this.active.get(workflowId)?.ask !== undefined;
  }

  /** Aborts every agent and waits (bounded by the agents' own kill grace) until they have stopped. */
  async stopAll(): Promise<void> {
    this.queue.length = 0;
    const all = [...this.active.values()];
    for (const a of all) {
      this.settleAsk(a)?.reject(abortError());
      a.controller.abort();
    }
    await Promise.all(all.map((a) => a.stopped));
  }

  private async start(workflowId: string): Promise<void> {
    const w = this.ctx.state.workflow(workflowId);
    const running = w?.status === 'pending' ? this.claim(w) : undefined;
    if (!running) {
      return;
    }
    await this.ctx.committer.commit([running]);
    await this.launch(workflowId);
  }

  /** Starts the agent of a claimed workflow once its running status is committed. */
  async launch(workflowId: string): Promise<void> {
    const { state } = this.ctx;
    const a = this.active.get(workflowId);
    const w = state.workflow(workflowId);
    if (!a || a.run) {
      return;
    }
    if (!w || w.status !== 'running') {
      // cancelled (or deleted) between the commit and now: free the slot for the next one
      await this.finish(a, { status: 'failed', error: 'The workflow was cancelled' });
      return;
    }
    const session = state.session(w.sessionId)!;
    const project = state.project(w.projectId)!;
    const workdir = sessionWorkdir(session.data);
    const workDir = workdir ?? this.folderOf(project.name);
    let run: AgentRun;
    try {
      a.agent = this.options.agents.forId(session.agentId);
      if (workdir) {
        const problem = await workdirProblem(workdir);
        if (problem) {
          throw new Error(problem);
        }
      } else {
        await mkdir(workDir, { recursive: true });
      }
      run = a.agent.start(this.contextFor(a, w, workDir, sessionModel(session.data)));
    } catch (e) {
      run = { done: Promise.resolve({ status: 'failed', error: e instanceof Error ? e.message : String(e) }) };
    }
    a.run = run;
    a.stopped = run.done.then(
      (outcome) => this.finish(a, outcome),
      (e: unknown) => this.finish(a, { status: 'failed', error: e instanceof Error ? e.message : String(e) }),
    );
  }

  private async finish(a: Active, outcome: AgentOutcome): Promise<void> {
    this.active.delete(a.workflowId);
    const w = this.ctx.state.workflow(a.workflowId);
    if (w && (w.status === 'running' || w.status === 'paused')) {
      await this.ctx.committer
        .commit(finishRecords(this.ctx, w, outcome))
        .catch((e: unknown) => this.options.log(`could not record the end of ${w.id}: ${String(e)}`));
    }
    while (this.active.size < this.options.maxConcurrent && this.queue.length > 0) {
      await this.start(this.queue.shift()!).catch((e: unknown) =>
        this.options.log(`could not start a workflow: ${String(e)}`),
      );
    }
  }

  private contextFor(a: Active, w: Workflow, workDir: string, model: string | undefined): AgentContext {
    const project = this.ctx.state.project(w.projectId)!;
    const live = () => !a.controller.signal.aborted && this.ctx.state.workflow(a.workflowId)?.status === 'running';
    const report = (p: Promise<void>) =>
      p.catch((e: unknown) => this.options.log(`could not record agent output: ${String(e)}`));
    return {
      workflowId: w.id,
      sessionId: w.sessionId,
      project: { id: project.id, name: project.name, description: project.description },
      message: w.message,
      workDir,
      model,
      signal: a.controller.signal,
      say: (text: string, variant: Variant = 'info') => {
        if (live()) {
          void report(this.ctx.committer.commit([messageRecord(this.ctx, w, 'ai', variant, text)]));
        }
      },
      backlog: () => this.ctx.committer.backlog(),
      progress: (p: Progress) => {
        if (!live()) {
          return;
        }
        const percentage = Math.max(0, Math.min(100, p.percentage));
        const progress = { percentage, ...(p.currentStep !== undefined ? { currentStep: p.currentStep } : {}) };
        void report(
          this.ctx.committer.commit([
            { type: 'workflow.updated', workflowId: w.id, patch: { progress, updatedAt: iso(this.ctx.clock) } },
          ]),
        );
      },
      ask: (pause: Pause, opts?: { autoResumeMs?: number }) => {
        if (!live()) {
          return Promise.reject(abortError());
        }
        const withUrl: Pause =
          pause.type === 'questions'
            ? pause
            : { ...pause, projectUrl: pause.projectUrl ?? this.ctx.projectUrl(project.id) };
        return new Promise<Answer[]>((resolve, reject) => {
          const auto = pause.type !== 'questions' ? opts?.autoResumeMs : undefined;
          const timer = auto !== undefined ? setTimeout(() => this.onAutoResume(a.workflowId), auto) : undefined;
          a.ask = { resolve, reject, timer };
          void report(this.ctx.committer.commit(pauseRecords(this.ctx, w, withUrl)));
        });
      },
    };
  }

  /** Set by the service: resumes a secrets/supabase pause as if the user had acted. */
  onAutoResume: (workflowId: string) => void = () => undefined;

  private settleAsk(a: Active): Active['ask'] {
    const ask = a.ask;
    if (ask?.timer) {
      clearTimeout(ask.timer);
    }
    a.ask = undefined;
    return ask;
  }
}
