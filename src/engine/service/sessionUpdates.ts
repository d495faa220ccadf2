/**
 * The Session API's changes to a session (PATCH and DELETE) over the existing state rules: the engine
 * pause, resume and cancel of workflows.ts, the refusals of core/refusals.ts. A refused request stores
 * nothing.
 */
import { toApiStatus } from '../../core/contract/sessionApi';
import type { Session } from '../../core/model';
import { continueRefused, deleteRefused } from '../../core/refusals';
import { iso, type ServiceContext } from './context';
import type { Runner } from './runner';
import { checkData, checkDataShape, mergeData, type SessionData } from './sessionData';
import { getSessionById } from './sessions';
import { cancelWorkflow, resumeWorkflow, suspendWorkflow } from './workflows';

export interface UpdateSessionInput {
  status?: 'active' | 'paused' | 'failed' | undefined;
  data?: SessionData | undefined;
  prompt?: string | undefined;
}

/** PATCH: data merged and checked first, then the status change (refused → nothing stored), then data and prompt. */
export async function updateSession(
  ctx: ServiceContext,
  runner: Runner,
  sessionId: string,
  patch: UpdateSessionInput,
): Promise<Session> {
  const before = getSessionById(ctx, sessionId);
  if (patch.data !== undefined) {
    await checkData(mergeData(before.data ?? {}, patch.data));
  }
  if (patch.status !== undefined) {
    await changeStatus(ctx, runner, sessionId, patch.status);
  }
  if (patch.data !== undefined || patch.prompt !== undefined) {
    // merged again with what is stored now, so a concurrent PATCH is not lost
    const current = getSessionById(ctx, sessionId);
    const data = patch.data === undefined ? undefined : mergeData(current.data ?? {}, patch.data);
    if (data) {
      checkDataShape(data);
    }
    await ctx.committer.commit([
      {
        type: 'session.updated',
        sessionId,
        patch: { ...(patch.prompt !== undefined ? { prompt: patch.prompt } : {}), ...(data ? { data } : {}) },
        updatedAt: iso(ctx.clock),
      },
    ]);
  }
  return getSessionById(ctx, sessionId);
}

/**
 * paused: the engine pause of running work (the agent is frozen); active: continue an engine pause
 * (or the user's part of a secrets/Supabase pause, or re-run an interrupted workflow), never a
 * questions pause, which waits for answers; failed: cancel. The status it already has: nothing to do.
 */
async function changeStatus(
  ctx: ServiceContext,
  runner: Runner,
  sessionId: string,
  target: 'active' | 'paused' | 'failed',
): Promise<void> {
  if (toApiStatus(getSessionById(ctx, sessionId).status) === target) {
    return;
  }
  switch (target) {
    case 'paused':
      await suspendWorkflow(ctx, runner, sessionId);
      return;
    case 'active': {
      const refused = continueRefused(ctx.state.latestWorkflow(sessionId));
      if (refused) {
        throw refused;
      }
      await resumeWorkflow(ctx, runner, sessionId);
      return;
    }
    case 'failed':
      await cancelWorkflow(ctx, runner, sessionId, 'The session was set to failed');
      return;
  }
}

/** Removes the session with its workflows and messages (the project stays); busy work only with force, cancelled first. */
export async function deleteSession(
  ctx: ServiceContext,
  runner: Runner,
  sessionId: string,
  force: boolean,
): Promise<void> {
  getSessionById(ctx, sessionId);
  const busy = deleteRefused(ctx.state.latestWorkflow(sessionId));
  if (busy && !force) {
    throw busy;
  }
  if (busy) {
    await cancelWorkflow(ctx, runner, sessionId, 'The session was deleted');
  }
  // synchronous until the commit: a message sent meanwhile started new work, which is not deleted silently
  const session = getSessionById(ctx, sessionId);
  const again = deleteRefused(ctx.state.latestWorkflow(sessionId));
  if (again) {
    throw again;
  }
  await ctx.committer.commit([
    { type: 'session.deleted', sessionId, projectId: session.projectId, deletedAt: iso(ctx.clock) },
  ]);
}
