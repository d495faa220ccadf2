/**
 * Finding what an action acts on: a project named by an agent or a person (id, name, or the workspace's
 * linked project), and the project's session as it is now. Errors are BiltErrors that name the field.
 */
import type { SessionRef, SessionView } from '../api/backend';
import type { ServerSnapshot } from '../api/store/types';
import { BiltError, isBiltError, notFound } from '../core/errors';
import type { Workflow } from '../core/model';
import type { ActionContext, Target } from './context';
import { refused, type Outcome } from './outcome';

/** A target with its session, read for the action. */
export interface Loaded {
  target: Target;
  serverLabel: string;
  projectName: string;
  ref: SessionRef;
  view: SessionView;
  /** The session's latest workflow (the one the state rules look at). */
  latest: Workflow | undefined;
}

const invalidProject = (message: string) =>
  new BiltError('invalid_input', 'Invalid request body', { field: 'project', message });

export function serverOf(ctx: ActionContext, serverId: string): ServerSnapshot {
  const server = ctx.store.snapshot(serverId);
  if (!server) {
    throw notFound('Server', { server_id: serverId });
  }
  return server;
}

/** The project's name as the store knows it (its id until the list has arrived). */
export function projectName(ctx: ActionContext, target: Target): string {
  const entry = ctx.store.snapshot(target.serverId)?.projects?.find((p) => p.project.id === target.projectId);
  return entry?.project.name ?? target.projectId;
}

/** The target's current session: pushed, or read from its server (which refuses an unknown project). */
export async function loadTarget(ctx: ActionContext, target: Target): Promise<Loaded> {
  const server = serverOf(ctx, target.serverId);
  const view = await ctx.store.loadSession(target.serverId, target.projectId);
  return {
    target,
    serverLabel: server.server.label,
    projectName: projectName(ctx, target),
    ref: { sessionId: view.session.id, projectId: target.projectId },
    view,
    latest: view.workflows[0],
  };
}

/**
 * The project an agent or a person means: by id or by exact name (case-insensitive), on one server or
 * any (a name on several servers: the one on the workspace's account, if it has it); without one, the
 * workspace's linked project, else the only project there is.
 */
export function findTarget(ctx: ActionContext, wanted?: string, serverId?: string): Target {
  const all = ctx.store
    .snapshots()
    .filter((s) => serverId === undefined || s.server.id === serverId)
    .flatMap((s) => (s.projects ?? []).map((entry) => ({ serverId: s.server.id, project: entry.project })));
  const names = all.map((x) => x.project.name).join(', ') || 'none';
  if (wanted) {
    let hits = all.filter((x) => x.project.id === wanted || x.project.name.toLowerCase() === wanted.toLowerCase());
    const onAccount = hits.filter((x) => x.serverId === ctx.account?.get());
    if (hits.length > 1 && onAccount.length === 1) {
      hits = onAccount;
    }
    if (hits.length > 1) {
      throw invalidProject(`several projects are named "${wanted}" (on different servers); pass the project id`);
    }
    if (hits.length === 0) {
      throw new BiltError('not_found', 'Project not found', {
        project: wanted,
        message: `No project "${wanted}". Known projects: ${names}`,
      });
    }
    return { serverId: hits[0]!.serverId, projectId: hits[0]!.project.id };
  }
  const linked = ctx.links.get();
  if (linked && all.some((x) => x.serverId === linked.serverId && x.project.id === linked.projectId)) {
    return linked;
  }
  if (all.length === 1) {
    return { serverId: all[0]!.serverId, projectId: all[0]!.project.id };
  }
  if (all.length === 0) {
    throw new BiltError('not_found', 'Project not found', { message: 'There are no projects yet: create one first' });
  }
  throw invalidProject(`which project? Name one of: ${names}`);
}

/** Runs `act` on the project findTarget finds; not finding one is a refusal like any other. */
export async function onProject<T>(
  ctx: ActionContext,
  wanted: string | undefined,
  act: (target: Target) => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  let target: Target;
  try {
    target = findTarget(ctx, wanted);
  } catch (e) {
    if (isBiltError(e)) {
      return refused(e);
    }
    throw e;
  }
  return act(target);
}
