/**
 * The engine's whole state in memory, rebuilt from snapshot + log at start and changed only by
 * apply(record). Lookups and derived facts (a session's status, rate-limit windows) live here;
 * deciding whether a change is allowed lives in the service.
 */
import type { Message, Project, Session, Workflow } from '../../core/model';
import type { ChangeRecord } from './records';
import {
  firstUserMessage,
  newestFirst,
  newestSessionOf,
  oldestFirstAfter,
  sessionOf,
  type MessageSlice,
  type SessionRow,
} from './sessionRows';

export interface StateSnapshot {
  version: 1;
  projects: Project[];
  sessions: SessionRow[];
  workflows: Workflow[];
  userMessageTimes?: Record<string, number[]> | undefined;
}

export class EngineState {
  private readonly projects = new Map<string, Project>();
  private readonly projectIdByName = new Map<string, string>();
  private readonly sessions = new Map<string, SessionRow>();
  private readonly currentSessionOf = new Map<string, string>();
  private readonly workflows = new Map<string, Workflow>();
  /** Times of messages that started workflows, per project, oldest first (for the per-hour message limit). */
  private readonly userMessageTimes = new Map<string, number[]>();

  apply(rec: ChangeRecord): void {
    switch (rec.type) {
      case 'project.created':
        this.projects.set(rec.project.id, rec.project);
        this.projectIdByName.set(rec.project.name.toLowerCase(), rec.project.id);
        return;
      case 'session.created': {
        const { id, projectId, createdAt, ...attributes } = rec.session;
        this.sessions.set(id, {
          id,
          projectId,
          createdAt,
          updatedAt: createdAt,
          workflowIds: [],
          messages: [],
          ...attributes,
        });
        this.currentSessionOf.set(projectId, id);
        return;
      }
      case 'session.updated': {
        const row = this.mustSession(rec.sessionId);
        if (rec.patch.prompt !== undefined) {
          row.prompt = rec.patch.prompt;
        }
        if (rec.patch.data !== undefined) {
          row.data = rec.patch.data;
        }
        this.touch(row, rec.updatedAt);
        return;
      }
      case 'session.deleted':
        this.deleteSession(rec.sessionId, rec.projectId);
        return;
      case 'workflow.created': {
        const w = rec.workflow;
        this.workflows.set(w.id, w);
        const s = this.mustSession(w.sessionId);
        s.workflowIds.push(w.id);
        this.touch(s, w.updatedAt);
        const times = this.userMessageTimes.get(s.projectId) ?? [];
        times.push(Date.parse(w.createdAt));
        this.userMessageTimes.set(s.projectId, times);
        return;
      }
      case 'workflow.updated': {
        const w = this.workflows.get(rec.workflowId);
        if (!w) {
          throw new Error(`log refers to unknown workflow ${rec.workflowId}`);
        }
        const next = { ...w, ...rec.patch };
        this.workflows.set(w.id, next);
        this.touch(this.mustSession(w.sessionId), next.updatedAt);
        return;
      }
      case 'message.appended': {
        const s = this.mustSession(rec.message.sessionId);
        // seq is the position in the session, whatever the record says
        const m = { ...rec.message, seq: s.messages.length + 1 };
        s.messages.push(m);
        this.touch(s, m.createdAt);
        return;
      }
    }
  }

  // ---- projects ----
  listProjects(): Project[] {
    return [...this.projects.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
  project(id: string): Project | undefined {
    return this.projects.get(id);
  }
  projectByName(name: string): Project | undefined {
    const id = this.projectIdByName.get(name.toLowerCase());
    return id ? this.projects.get(id) : undefined;
  }
  projectCount(): number {
    return this.projects.size;
  }
  // ---- sessions ----
  currentSessionId(projectId: string): string | undefined {
    return this.currentSessionOf.get(projectId);
  }
  hasSession(id: string): boolean {
    return this.sessions.has(id);
  }
  session(id: string): Session | undefined {
    const row = this.sessions.get(id);
    return row ? sessionOf(row, this.latestWorkflow(id), this.projects.get(row.projectId)?.name) : undefined;
  }
  /** Every session, the most recently created first. */
  listSessions(): Session[] {
    return [...this.sessions.values()]
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((row) => this.session(row.id)!);
  }
  /** The most recently active session of all. */
  mostRecentSessionId(): string | undefined {
    let best: SessionRow | undefined;
    for (const s of this.sessions.values()) {
      if (!best || s.updatedAt > best.updatedAt) {
        best = s;
      }
    }
    return best?.id;
  }
  sessionIds(): string[] {
    return [...this.sessions.keys()];
  }

  // ---- workflows ----
  workflow(id: string): Workflow | undefined {
    return this.workflows.get(id);
  }
  latestWorkflow(sessionId: string): Workflow | undefined {
    const ids = this.sessions.get(sessionId)?.workflowIds;
    const last = ids?.[ids.length - 1];
    return last ? this.workflows.get(last) : undefined;
  }
  /** Latest first. */
  sessionWorkflows(sessionId: string, max = Infinity): Workflow[] {
    const ids = this.sessions.get(sessionId)?.workflowIds ?? [];
    const out: Workflow[] = [];
    for (let i = ids.length - 1; i >= 0 && out.length < max; i--) {
      out.push(this.workflows.get(ids[i]!)!);
    }
    return out;
  }
  activeWorkflows(): Workflow[] {
    return [...this.workflows.values()].filter(
      (w) => w.status === 'pending' || w.status === 'running' || w.status === 'paused',
    );
  }

  // ---- messages ----
  /** Newest first, like the MCP contracts: offset 0 is the newest message. */
  messagesPage(sessionId: string, limit: number, offset: number): MessageSlice {
    return newestFirst(this.sessions.get(sessionId)?.messages ?? [], limit, offset);
  }
  /** Oldest first, like the Session API: the messages whose seq is above `after`. */
  messagesAfter(sessionId: string, after: number, limit: number): MessageSlice {
    return oldestFirstAfter(this.sessions.get(sessionId)?.messages ?? [], after, limit);
  }
  /** The message that started a workflow. */
  firstUserMessage(sessionId: string, workflowId: string): Message | undefined {
    return firstUserMessage(this.sessions.get(sessionId)?.messages ?? [], workflowId);
  }
  userMessagesSince(projectId: string, sinceMs: number): { count: number; oldest?: number } {
    const times = this.userMessageTimes.get(projectId) ?? [];
    let i = times.length;
    while (i > 0 && times[i - 1]! > sinceMs) {
      i--;
    }
    return { count: times.length - i, ...(i < times.length ? { oldest: times[i] } : {}) };
  }

  // ---- snapshot ----
  snapshot(): StateSnapshot {
    return {
      version: 1,
      projects: [...this.projects.values()],
      sessions: [...this.sessions.values()],
      workflows: [...this.workflows.values()],
      userMessageTimes: Object.fromEntries(this.userMessageTimes),
    };
  }

  static fromSnapshot(snap: StateSnapshot): EngineState {
    const st = new EngineState();
    for (const p of snap.projects) {
      st.apply({ type: 'project.created', project: p });
    }
    // sessions in creation order, so the last one of each project becomes its current session again
    const sessions = [...snap.sessions].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const s of sessions) {
      st.sessions.set(s.id, { ...s, workflowIds: [...s.workflowIds], messages: [...s.messages] });
      st.currentSessionOf.set(s.projectId, s.id);
    }
    for (const w of snap.workflows) {
      st.workflows.set(w.id, w);
      if (!snap.userMessageTimes) {
        const times = st.userMessageTimes.get(w.projectId) ?? [];
        times.push(Date.parse(w.createdAt));
        st.userMessageTimes.set(w.projectId, times);
      }
    }
    for (const [projectId, times] of Object.entries(snap.userMessageTimes ?? {})) {
      st.userMessageTimes.set(projectId, [...times]);
    }
    for (const times of st.userMessageTimes.values()) {
      times.sort((x, y) => x - y);
    }
    return st;
  }

  /** The last message of a session (what an append just added). */
  lastMessage(sessionId: string): Message | undefined {
    return this.sessions.get(sessionId)?.messages.at(-1);
  }

  /** Removes a session with its workflows and messages; the project's current session becomes its newest other one. */
  private deleteSession(sessionId: string, projectId: string): void {
    const row = this.mustSession(sessionId);
    for (const workflowId of row.workflowIds) {
      this.workflows.delete(workflowId);
    }
    this.sessions.delete(sessionId);
    if (this.currentSessionOf.get(projectId) !== sessionId) {
      return;
    }
    const newest = newestSessionOf(this.sessions.values(), projectId);
    if (newest) {
      this.currentSessionOf.set(projectId, newest.id);
    } else {
      this.currentSessionOf.delete(projectId);
    }
  }
  private mustSession(id: string): SessionRow {
    const s = this.sessions.get(id);
    if (!s) {
      throw new Error(`log refers to unknown session ${id}`);
    }
    return s;
  }
  private touch(s: SessionRow, at: string): void {
    if (at > s.updatedAt) {
      s.updatedAt = at;
    }
  }
}
