/**
 * What the client offers whatever server it talks to: the two Bilt MCP contracts (seed and live) and
 * the REST Session API of agent gateways (seed 003). Every value crossing it is a validated core type.
 * A gateway's sessions are shown as projects (one session each, grouped by task: Project.group).
 */
import type { Answer, MessagePage, Project, Session, Visibility, Workflow } from '../core/model';

export type BackendKind = 'mcp-seed' | 'mcp-live' | 'session-api';

export interface Capabilities {
  /** A resume operation exists (seed: bilt_resume_workflow). */
  resume: boolean;
  /** Questions are answered through send (live) rather than resume (seed). */
  answerViaSend: boolean;
  /** The server pushes changes (the local engine's /events stream). */
  events: boolean;
  /** Visibility can be chosen when creating a project. */
  visibility: boolean;
  /** Projects can be created (a gateway's sessions are started by their agents elsewhere). */
  createProject: boolean;
  /** A workflow's questions can be answered (a gateway has no such operation). */
  answers: boolean;
  /** Running work can be paused and continued on request (Session API PATCH status). */
  pause: boolean;
  /** A session can be deleted (Session API DELETE). */
  delete: boolean;
  /** What this server lacks that people might expect, in words the tree's message line shows (e.g. "no message history"). */
  missing: string[];
}

/** Both ids, because the seed contract keys by session and the live one by project. */
export interface SessionRef {
  sessionId: string;
  projectId: string;
}

export interface SessionView {
  session: Session;
  /** Latest first (as many as the server returns). */
  workflows: Workflow[];
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
}

export interface ProgressUpdate {
  percentage: number;
  step?: string | undefined;
}

export interface SendOptions extends CallOptions {
  /** Block until the workflow completes, fails, is cancelled or pauses (server-side limit applies). */
  wait?: boolean;
  onProgress?: ((p: ProgressUpdate) => void) | undefined;
}

export interface SendResult {
  sessionId: string;
  workflowId: string;
  workflow: Workflow | undefined;
  status: Workflow['status'];
  /** The server stopped waiting before the workflow settled. */
  timedOut: boolean;
  subscriberCount?: number;
}

export interface CreateProjectInput {
  name: string;
  description?: string | undefined;
  visibility?: Visibility | undefined;
}

export interface BiltBackend {
  readonly kind: BackendKind;
  readonly capabilities: Capabilities;
  listProjects(o?: CallOptions): Promise<Project[]>;
  getProject(projectId: string, o?: CallOptions): Promise<Project>;
  createProject(input: CreateProjectInput, o?: CallOptions): Promise<Project>;
  /** The project's current session (seed: created idle on first read). */
  getSession(
    q: { projectId?: string | undefined; sessionId?: string | undefined },
    o?: CallOptions,
  ): Promise<SessionView>;
  sendMessage(ref: SessionRef, message: string, o?: SendOptions): Promise<SendResult>;
  /** Answers a questions pause (seed: resume with answers; live: send with answers). */
  answer(ref: SessionRef, workflowId: string, answers: Answer[], o?: CallOptions): Promise<Workflow['status']>;
  /** Continues a paused (or interrupted) workflow; throws 'unsupported' where the server has no such operation. */
  resume(ref: SessionRef, o?: CallOptions): Promise<Workflow['status']>;
  cancel(
    ref: SessionRef,
    reason?: string,
    o?: CallOptions,
  ): Promise<{ workflowId: string | undefined; cancelledAt: string }>;
  /** Pauses running work (capabilities.pause); the workflow then reads paused with no pause reason. */
  pause?(ref: SessionRef, o?: CallOptions): Promise<Workflow['status']>;
  /** Deletes a session (capabilities.delete); `force` first stops work that runs (else the server refuses). */
  deleteSession?(ref: SessionRef, o?: CallOptions & { force?: boolean }): Promise<void>;
  /** Newest first, like the contract. */
  getMessages(ref: SessionRef, page: { limit?: number; offset?: number }, o?: CallOptions): Promise<MessagePage>;
  close(): Promise<void>;
}
