/**
 * The engine's operations, as the MCP tools (both contracts) and the HTTP routes call them. A thin
 * facade: each method delegates to the module that owns the rule.
 */
import type { Answer, Message, MessagePage, Project, Session, Workflow } from '../../core/model';
import type { AnswerNames } from '../../core/answers';
import type { ServiceContext } from './context';
import { createProject, getProject, type CreateProjectInput } from './projects';
import type { Runner } from './runner';
import {
  createSession,
  listSessions,
  sendSessionMessage,
  type CreateSessionInput,
  type SessionFilter,
} from './sessionApi';
import { deleteSession, updateSession, type UpdateSessionInput } from './sessionUpdates';
import { findSession, getSessionById, messagePage, sessionOfProject, type SessionQuery } from './sessions';
import { waitForWorkflow, type WaitOptions, type WaitResult } from './waiter';
import { cancelWorkflow, resumeWorkflow, sendMessage, suspendWorkflow } from './workflows';

/** How many workflows a session read includes (latest first). */
export const SESSION_WORKFLOWS_SHOWN = 20;

export class EngineService {
  constructor(
    private readonly ctx: ServiceContext,
    private readonly runner: Runner,
  ) {
    runner.onAutoResume = (workflowId) => {
      const w = ctx.state.workflow(workflowId);
      if (w?.status === 'paused') {
        void resumeWorkflow(ctx, runner, w.sessionId, [], true).catch(() => undefined);
      }
    };
  }

  /** Call after reading: resolves when every change the read could have seen is durable. */
  settled(): Promise<void> {
    return this.ctx.committer.settled();
  }

  get waitTimeoutMs(): number {
    return this.ctx.limits.waitTimeoutMs;
  }
  projectUrl(projectId: string): string {
    return this.ctx.projectUrl(projectId);
  }

  listProjects(): Project[] {
    return this.ctx.state.listProjects();
  }
  /** Newest first: `limit` projects after `offset` (every one without a limit), with the total. */
  projectsPage(limit?: number, offset = 0): { projects: Project[]; total: number; hasMore: boolean } {
    const all = this.ctx.state.listProjects();
    const projects = limit === undefined ? all.slice(offset) : all.slice(offset, offset + limit);
    return { projects, total: all.length, hasMore: offset + projects.length < all.length };
  }
  getProject(projectId: string): Project {
    return getProject(this.ctx, projectId);
  }
  createProject(input: CreateProjectInput): Promise<Project> {
    return createProject(this.ctx, input);
  }

  findSession(q: SessionQuery): Promise<Session> {
    return findSession(this.ctx, q);
  }
  sessionOfProject(projectId: string): Promise<Session> {
    return sessionOfProject(this.ctx, projectId);
  }
  /** The project's current session without creating one. */
  peekSessionOfProject(projectId: string): Session | undefined {
    getProject(this.ctx, projectId);
    const id = this.ctx.state.currentSessionId(projectId);
    return id ? this.ctx.state.session(id) : undefined;
  }
  peekSessionExists(sessionId: string): boolean {
    return this.ctx.state.hasSession(sessionId);
  }
  session(sessionId: string): Session {
    return getSessionById(this.ctx, sessionId);
  }
  workflows(sessionId: string, max = SESSION_WORKFLOWS_SHOWN): Workflow[] {
    return this.ctx.state.sessionWorkflows(sessionId, max);
  }
  latestWorkflow(sessionId: string): Workflow | undefined {
    return this.ctx.state.latestWorkflow(sessionId);
  }
  workflow(workflowId: string): Workflow | undefined {
    return this.ctx.state.workflow(workflowId);
  }
  messages(sessionId: string, limit?: number, offset?: number): MessagePage {
    return messagePage(this.ctx, sessionId, limit, offset);
  }

  sendMessage(sessionId: string, text: string): Promise<Workflow> {
    return sendMessage(this.ctx, this.runner, sessionId, text);
  }
  cancel(sessionId: string, reason?: string): Promise<Workflow> {
    return cancelWorkflow(this.ctx, this.runner, sessionId, reason);
  }
  /** `names`: the caller's contract's field names, used in errors about the answers. */
  resume(sessionId: string, answers?: Answer[], names?: AnswerNames): Promise<Workflow> {
    return resumeWorkflow(this.ctx, this.runner, sessionId, answers, false, names);
  }
  suspend(sessionId: string): Promise<Workflow> {
    return suspendWorkflow(this.ctx, this.runner, sessionId);
  }
  wait(workflowId: string, opts: Partial<WaitOptions> = {}): Promise<WaitResult> {
    return waitForWorkflow(this.ctx, workflowId, { timeoutMs: this.ctx.limits.waitTimeoutMs, ...opts });
  }
  subscriberCount(sessionId: string): number {
    return this.ctx.bus.subscriberCount(sessionId);
  }

  // ---- the Session API (sessionApi.ts) ----
  /** The agent id reported for sessions that name none (the engine's --agent, e.g. EMULATOR). */
  get defaultAgentId(): string {
    return this.runner.agents.defaultId;
  }
  listSessions(filter: SessionFilter): Session[] {
    return listSessions(this.ctx, this.runner.agents, filter);
  }
  createSession(input: CreateSessionInput): Promise<Session> {
    return createSession(this.ctx, this.runner, input);
  }
  updateSession(sessionId: string, patch: UpdateSessionInput): Promise<Session> {
    return updateSession(this.ctx, this.runner, sessionId, patch);
  }
  deleteSession(sessionId: string, force: boolean): Promise<void> {
    return deleteSession(this.ctx, this.runner, sessionId, force);
  }
  sendSessionMessage(sessionId: string, content: string): Promise<{ workflow: Workflow; message: Message }> {
    return sendSessionMessage(this.ctx, this.runner, sessionId, content);
  }
  /** Oldest first: the messages after seq `after`, at most `limit`. */
  messagesAfter(sessionId: string, after: number, limit: number): MessagePage {
    getSessionById(this.ctx, sessionId);
    return this.ctx.state.messagesAfter(sessionId, after, limit);
  }
}
