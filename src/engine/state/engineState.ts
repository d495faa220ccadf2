/**
 * The engine's whole state in memory, rebuilt from snapshot + log at start and changed only by
 * apply(record). Lookups and derived facts (a session's status, rate-limit windows) live here;
 * deciding whether a change is allowed lives in the service.
 */
import type { Message, Project, Session, Workflow } from '../../core/model';
import type { ChangeRecord } from './records';

interface SessionRow {
  id: string;
  projectId: string;
  createdAt: string;
  updatedAt: string;
  workflowIds: string[];
  messages: Message[];
}

export interface StateSnapshot {
  version: 1;
  projects: Project[];
  sessions: SessionRow[];
  workflows: Workflow[];
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
        const { id, projectId, createdAt } = rec.session;
        this.sessions.set(id, { id, projectId, createdAt, updatedAt: createdAt, workflowIds: [], messages: [] });
        this.currentSessionOf.set(projectId, id);
        return;
      }
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
    const s = this.sessions.get(id);
    if (!s) {
      return undefined;
    }
    const latest = this.latestWorkflow(id);
    const active = latest && (latest.status === 'running' || latest.status === 'paused' || latest.status === 'pending');
    return {
      id: s.id,
      projectId: s.projectId,
      status: latest ? latest.status : 'idle',
      progress: active ? latest.progress : latest?.status === 'completed' ? latest.progress : null,
      workflowId: latest?.id ?? null,
      messageCount: s.messages.length,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
    };
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
  /** Newest first, like the contract: offset 0 is the newest message. */
  messagesPage(
    sessionId: string,
    limit: number,
    offset: number,
  ): { messages: Message[]; total: number; hasMore: boolean } {
    const all = this.sessions.get(sessionId)?.messages ?? [];
    const total = all.length;
    const end = Math.max(0, total - offset);
    const start = Math.max(0, end - limit);
    const messages = all.slice(start, end).reverse();
    return { messages, total, hasMore: start > 0 };
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
      const times = st.userMessageTimes.get(w.projectId) ?? [];
      times.push(Date.parse(w.createdAt));
      st.userMessageTimes.set(w.projectId, times);
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
