/**
 * The engine's live state in memory, rebuilt from snapshot + log at start (stateSnapshot.ts) and
 * changed only by apply(record). Message history and old workflows live in archive files and are read
 * on demand (history.ts); what is in memory follows the live state, not the length of the history.
 * Lookups and derived facts (a session's status, rate-limit windows) live here; deciding whether a
 * change is allowed lives in the service.
 */
import { HOUR_MS } from '../../core/limits';
import type { Message, Project, Session, Workflow } from '../../core/model';
import { emptyHistory, NO_ARCHIVE, type RecordArchive } from './history';
import type { ChangeRecord } from './records';
import {
  firstUserMessage,
  latestWorkflows,
  newestFirst,
  newestSessionOf,
  oldestFirstAfter,
  sessionOf,
  type MessageSlice,
  type SessionRow,
} from './sessionRows';

/** The state's tables, for its own modules (snapshots, compaction); everything else uses EngineState's methods. */
export interface StateTables {
  readonly projects: Map<string, Project>;
  readonly projectIdByName: Map<string, string>;
  readonly sessions: Map<string, SessionRow>;
  readonly currentSessionOf: Map<string, string>;
  /** The workflows kept in memory (each session's newer ones; see compaction.ts). */
  readonly workflows: Map<string, Workflow>;
  /** Times of messages that started workflows in the last hour, per project, oldest first (the message limit). */
  readonly userMessageTimes: Map<string, number[]>;
  /** Times projects were created in the last hour, oldest first (the creation limit). */
  readonly projectCreationTimes: number[];
}

export class EngineState {
  readonly tables: StateTables = {
    projects: new Map(),
    projectIdByName: new Map(),
    sessions: new Map(),
    currentSessionOf: new Map(),
    workflows: new Map(),
    userMessageTimes: new Map(),
    projectCreationTimes: [],
  };

  /** `archive` reads the archived history the snapshot's addresses point to. */
  constructor(readonly archive: RecordArchive = NO_ARCHIVE) {}

  apply(rec: ChangeRecord): void {
    const t = this.tables;
    switch (rec.type) {
      case 'project.created':
        t.projects.set(rec.project.id, rec.project);
        t.projectIdByName.set(rec.project.name.toLowerCase(), rec.project.id);
        noteTime(t.projectCreationTimes, Date.parse(rec.project.createdAt));
        return;
      case 'session.created': {
        const { id, projectId, createdAt, ...attributes } = rec.session;
        if (!t.projects.has(projectId)) {
          throw new Error(`log refers to unknown project ${projectId}`);
        }
        const archivedWorkflows = { runs: [], count: 0 };
        const row: SessionRow = {
          id,
          projectId,
          createdAt,
          updatedAt: createdAt,
          workflowIds: [],
          archivedWorkflows,
          messages: emptyHistory(),
          ...attributes,
        };
        t.sessions.set(id, row);
        t.currentSessionOf.set(projectId, id);
        return;
      }
      case 'session.updated': {
        const row = this.mustSession(rec.sessionId);
        row.prompt = rec.patch.prompt ?? row.prompt;
        row.data = rec.patch.data ?? row.data;
        this.touch(row, rec.updatedAt);
        return;
      }
      case 'session.deleted':
        this.deleteSession(rec.sessionId, rec.projectId);
        return;
      case 'workflow.created': {
        const w = rec.workflow;
        const s = this.mustSession(w.sessionId);
        t.workflows.set(w.id, w);
        s.workflowIds.push(w.id);
        this.touch(s, w.updatedAt);
        this.noteUserMessage(s.projectId, Date.parse(w.createdAt));
        return;
      }
      case 'workflow.updated': {
        const w = t.workflows.get(rec.workflowId);
        if (!w) {
          throw new Error(`log refers to unknown workflow ${rec.workflowId}`);
        }
        const s = this.mustSession(w.sessionId);
        const next = { ...w, ...rec.patch };
        t.workflows.set(w.id, next);
        this.touch(s, next.updatedAt);
        return;
      }
      case 'message.appended': {
        const s = this.mustSession(rec.message.sessionId);
        // seq is the position in the session, whatever the record says (the record is the state's from here on)
        const m = rec.message;
        m.seq = s.messages.archived + s.messages.recent.length + 1;
        s.messages.recent.push(m);
        this.touch(s, m.createdAt);
        return;
      }
    }
  }

  // ---- projects ----
  /** Newest first (of equal times, the later created first). */
  /**
   * A session's activity moves its `updatedAt` and its project's (docs/CONTRACT.md: a client that polls
   * the project list sees which projects changed without reading each one).
   */
  private touch(s: SessionRow, at: string): void {
    s.updatedAt = later(s.updatedAt, at);
    const project = this.tables.projects.get(s.projectId);
    if (project && at > project.updatedAt) {
      this.tables.projects.set(project.id, { ...project, updatedAt: at });
    }
  }

  listProjects(): Project[] {
    return [...this.tables.projects.values()].reverse().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
  project(id: string): Project | undefined {
    return this.tables.projects.get(id);
  }
  projectByName(name: string): Project | undefined {
    const id = this.tables.projectIdByName.get(name.toLowerCase());
    return id ? this.tables.projects.get(id) : undefined;
  }
  projectCount(): number {
    return this.tables.projects.size;
  }
  /** How many projects were created after sinceMs (within the last hour), and the oldest of those times. */
  projectsCreatedSince(sinceMs: number): { count: number; oldest?: number } {
    return countSince(this.tables.projectCreationTimes, sinceMs);
  }
  // ---- sessions ----
  currentSessionId(projectId: string): string | undefined {
    return this.tables.currentSessionOf.get(projectId);
  }
  hasSession(id: string): boolean {
    return this.tables.sessions.has(id);
  }
  session(id: string): Session | undefined {
    const row = this.tables.sessions.get(id);
    return row ? sessionOf(row, this.latestWorkflow(id), this.tables.projects.get(row.projectId)?.name) : undefined;
  }
  /** Every session, the most recently created first. */
  listSessions(): Session[] {
    return [...this.tables.sessions.values()]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((row) => this.session(row.id)!);
  }
  /** The most recently active session of all. */
  mostRecentSessionId(): string | undefined {
    let best: SessionRow | undefined;
    for (const s of this.tables.sessions.values()) {
      if (!best || s.updatedAt > best.updatedAt) {
        best = s;
      }
    }
    return best?.id;
  }
  sessionIds(): string[] {
    return [...this.tables.sessions.keys()];
  }

  // ---- workflows ----
  /** A workflow kept in memory: each session's latest (every unfinished one is) and those since the last snapshot. */
  workflow(id: string): Workflow | undefined {
    return this.tables.workflows.get(id);
  }
  latestWorkflow(sessionId: string): Workflow | undefined {
    const last = this.tables.sessions.get(sessionId)?.workflowIds.at(-1);
    return last ? this.tables.workflows.get(last) : undefined;
  }
  /** Latest first: those in memory, then archived ones read from disk, `max` in all. */
  sessionWorkflows(sessionId: string, max = Infinity): Workflow[] {
    const row = this.tables.sessions.get(sessionId);
    return row ? latestWorkflows(row, this.tables.workflows, this.archive, max) : [];
  }
  activeWorkflows(): Workflow[] {
    return [...this.tables.workflows.values()].filter(
      (w) => w.status === 'pending' || w.status === 'running' || w.status === 'paused',
    );
  }

  // ---- messages ----
  /** Newest first, like the MCP contracts: offset 0 is the newest message. */
  messagesPage(sessionId: string, limit: number, offset: number): MessageSlice {
    const row = this.tables.sessions.get(sessionId);
    return row ? newestFirst(row.messages, this.archive, limit, offset) : { messages: [], total: 0, hasMore: false };
  }
  /** Oldest first, like the Session API: the messages whose seq is above `after`. */
  messagesAfter(sessionId: string, after: number, limit: number): MessageSlice {
    const row = this.tables.sessions.get(sessionId);
    return row
      ? oldestFirstAfter(row.messages, this.archive, after, limit)
      : { messages: [], total: 0, hasMore: false };
  }
  /** The message that started a workflow. */
  firstUserMessage(sessionId: string, workflowId: string): Message | undefined {
    const row = this.tables.sessions.get(sessionId);
    return row && firstUserMessage(row.messages, this.archive, workflowId);
  }
  /** The last message of a session (what an append just added). */
  lastMessage(sessionId: string): Message | undefined {
    return this.tables.sessions.get(sessionId)?.messages.recent.at(-1);
  }
  userMessagesSince(projectId: string, sinceMs: number): { count: number; oldest?: number } {
    return countSince(this.tables.userMessageTimes.get(projectId) ?? [], sinceMs);
  }

  /** Records a workflow-starting message's time, forgetting those more than an hour before it. */
  private noteUserMessage(projectId: string, at: number): void {
    const times = this.tables.userMessageTimes.get(projectId) ?? [];
    noteTime(times, at);
    this.tables.userMessageTimes.set(projectId, times);
  }

  /** Removes a session with its workflows and messages; the project's current session becomes its newest other one. */
  private deleteSession(sessionId: string, projectId: string): void {
    const t = this.tables;
    const row = this.mustSession(sessionId);
    for (const workflowId of row.workflowIds) {
      t.workflows.delete(workflowId);
    }
    t.sessions.delete(sessionId);
    if (t.currentSessionOf.get(projectId) !== sessionId) {
      return;
    }
    const newest = newestSessionOf(t.sessions.values(), projectId);
    if (newest) {
      t.currentSessionOf.set(projectId, newest.id);
    } else {
      t.currentSessionOf.delete(projectId);
    }
  }
  private mustSession(id: string): SessionRow {
    const s = this.tables.sessions.get(id);
    if (!s) {
      throw new Error(`log refers to unknown session ${id}`);
    }
    return s;
  }
}

/** Appends `at` to times (oldest first), forgetting the times more than an hour before it. */
function noteTime(times: number[], at: number): void {
  times.push(at);
  let stale = 0;
  while (stale < times.length && times[stale]! < at - HOUR_MS) {
    stale++;
  }
  times.splice(0, stale);
}

function countSince(times: readonly number[], sinceMs: number): { count: number; oldest?: number } {
  let i = times.length;
  while (i > 0 && times[i - 1]! > sinceMs) {
    i--;
  }
  return { count: times.length - i, ...(i < times.length ? { oldest: times[i] } : {}) };
}

function later(a: string, b: string): string {
  return b > a ? b : a;
}
