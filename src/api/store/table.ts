/**
 * One server's projects in display order (as the server lists them: newest first) with their session
 * views. Entries are replaced, never mutated, so a snapshot handed out stays as it was. Every change
 * method says whether anything changed (for change events and the poll backoff).
 */
import type { BiltError } from '../../core/errors';
import type { Message, Project, Session, Workflow } from '../../core/model';
import type { SessionView } from '../backend';
import type { PersistedServer, ProjectEntry } from './types';

/** Workflows kept per session view (the engine returns its latest 20). */
const MAX_WORKFLOWS = 20;
/** Workflows kept in the persisted cache (it should stay small). */
const PERSISTED_WORKFLOWS = 3;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class ProjectTable {
  private entries_ = new Map<string, ProjectEntry>();
  private listed = false;

  /** undefined until a list (or the cache) arrived. */
  entries(): ProjectEntry[] | undefined {
    return this.listed ? [...this.entries_.values()] : undefined;
  }

  get(projectId: string): ProjectEntry | undefined {
    return this.entries_.get(projectId);
  }

  projectOfSession(sessionId: string): string | undefined {
    for (const e of this.entries_.values()) {
      if (e.session?.session.id === sessionId) {
        return e.project.id;
      }
    }
    return undefined;
  }

  /** The server's list: projects that stay keep their session; returns the ids whose project changed. */
  setProjects(projects: Project[]): { changed: boolean; updated: string[] } {
    const before = [...this.entries_.values()];
    const next = new Map<string, ProjectEntry>();
    const updated: string[] = [];
    for (const p of projects) {
      const old = this.entries_.get(p.id);
      if (old && !same(old.project, p)) {
        updated.push(p.id);
      }
      next.set(p.id, old && same(old.project, p) ? old : { ...old, project: p });
    }
    const changed = !this.listed || next.size !== before.length || [...next.values()].some((e, i) => e !== before[i]);
    this.entries_ = next;
    this.listed = true;
    return { changed, updated };
  }

  /** A project created or changed (pushed): added first when new. */
  upsertProject(p: Project): boolean {
    const old = this.entries_.get(p.id);
    if (old) {
      return this.replace(p.id, { ...old, project: p }, !same(old.project, p));
    }
    this.entries_ = new Map([[p.id, { project: p }], ...this.entries_]);
    this.listed = true;
    return true;
  }

  setSession(projectId: string, session: SessionView, at: number): boolean {
    const old = this.entries_.get(projectId);
    if (!old) {
      return false;
    }
    const view = { session: session.session, workflows: latestFirst(session.workflows) };
    const changed = !same(old.session, view) || old.error !== undefined;
    return this.replace(
      projectId,
      { project: old.project, session: changed ? view : old.session!, readAt: at },
      changed,
    );
  }

  setError(projectId: string, error: BiltError): boolean {
    const old = this.entries_.get(projectId);
    return !!old && this.replace(projectId, { ...old, error }, old.error?.message !== error.message);
  }

  /**
   * A project may have several sessions (Session API); its row shows the current one, the most recently
   * created. Changes to an older session are not the row's.
   */
  private older(old: ProjectEntry, s: Session): boolean {
    const shown = old.session?.session;
    return shown !== undefined && shown.id !== s.id && s.createdAt < shown.createdAt;
  }

  applySession(s: Session, at: number): boolean {
    const old = this.entries_.get(s.projectId);
    if (!old || this.older(old, s)) {
      return false;
    }
    const workflows = old.session?.session.id === s.id ? old.session.workflows : [];
    return this.setSession(s.projectId, { session: s, workflows }, at);
  }

  applyWorkflow(w: Workflow, s: Session, at: number): boolean {
    const old = this.entries_.get(s.projectId);
    if (!old || this.older(old, s)) {
      return false;
    }
    const others = old.session?.session.id === s.id ? old.session.workflows.filter((x) => x.id !== w.id) : [];
    return this.setSession(s.projectId, { session: s, workflows: [w, ...others] }, at);
  }

  /** A session was deleted: the row forgets it, and the project's current session is read when it is needed. */
  removeSession(projectId: string, sessionId: string): boolean {
    const old = this.entries_.get(projectId);
    return old?.session?.session.id === sessionId && this.replace(projectId, { project: old.project }, true);
  }

  /** The store keeps no transcripts: a message only moves its session's count and time. */
  applyMessage(m: Message, at: number): boolean {
    const projectId = this.projectOfSession(m.sessionId);
    const view = projectId ? this.entries_.get(projectId)?.session : undefined;
    if (!projectId || !view || view.session.messageCount >= m.seq) {
      return false;
    }
    const updatedAt = m.createdAt > view.session.updatedAt ? m.createdAt : view.session.updatedAt;
    return this.setSession(
      projectId,
      { session: { ...view.session, messageCount: m.seq, updatedAt }, workflows: view.workflows },
      at,
    );
  }

  restore(p: PersistedServer): void {
    this.entries_ = new Map(
      p.projects.map((x) => [
        x.project.id,
        { project: x.project, ...(x.session ? { session: x.session, readAt: p.updatedAt } : {}) },
      ]),
    );
    this.listed = true;
  }

  persisted(): PersistedServer['projects'] {
    return [...this.entries_.values()].map((e) => ({
      project: e.project,
      ...(e.session
        ? { session: { session: e.session.session, workflows: e.session.workflows.slice(0, PERSISTED_WORKFLOWS) } }
        : {}),
    }));
  }

  private replace(projectId: string, e: ProjectEntry, changed: boolean): boolean {
    this.entries_.set(projectId, e); // same key: the order stays
    return changed;
  }
}

function latestFirst(ws: Workflow[]): Workflow[] {
  return [...ws].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, MAX_WORKFLOWS);
}
