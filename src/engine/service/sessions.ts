/** Sessions: which session a request means, creating a project's session on first use; message pages. */
import { BiltError, notFound } from '../../core/errors';
import { LIMITS } from '../../core/limits';
import type { MessagePage, Session } from '../../core/model';
import { getProject } from './projects';
import { iso, type ServiceContext } from './context';

export function getSessionById(ctx: ServiceContext, sessionId: string): Session {
  const s = ctx.state.session(sessionId);
  if (!s) {
    throw notFound('Session', { session_id: sessionId });
  }
  return s;
}

/** The project's current session, created (idle) if the project has none yet. */
export async function sessionOfProject(ctx: ServiceContext, projectId: string): Promise<Session> {
  getProject(ctx, projectId);
  const existing = ctx.state.currentSessionId(projectId);
  if (existing) {
    return ctx.state.session(existing)!;
  }
  const id = ctx.newId();
  await ctx.committer.commit([{ type: 'session.created', session: { id, projectId, createdAt: iso(ctx.clock) } }]);
  return ctx.state.session(id)!;
}

export interface SessionQuery {
  sessionId?: string | undefined;
  projectId?: string | undefined;
}

/**
 * session_id wins; else the project's current session; else the most recently active session of
 * all; else the current session of the most recent project (created if needed).
 */
export async function findSession(ctx: ServiceContext, q: SessionQuery): Promise<Session> {
  if (q.sessionId) {
    const s = getSessionById(ctx, q.sessionId);
    if (q.projectId && s.projectId !== q.projectId) {
      throw new BiltError('invalid_input', 'Invalid request body', {
        field: 'project_id',
        message: `session ${q.sessionId} belongs to project ${s.projectId}, not ${q.projectId}`,
      });
    }
    return s;
  }
  if (q.projectId) {
    return sessionOfProject(ctx, q.projectId);
  }
  const recent = ctx.state.mostRecentSessionId();
  if (recent) {
    return ctx.state.session(recent)!;
  }
  const newest = ctx.state.listProjects()[0];
  if (newest) {
    return sessionOfProject(ctx, newest.id);
  }
  throw new BiltError('not_found', 'No session found', {
    message:
      'There are no projects yet: create one with bilt_create_project, then call bilt_get_session with its project_id',
  });
}

export function messagePage(
  ctx: ServiceContext,
  sessionId: string,
  limit: number = LIMITS.messagesLimitDefault,
  offset = 0,
): MessagePage {
  getSessionById(ctx, sessionId);
  return ctx.state.messagesPage(sessionId, limit, offset);
}
