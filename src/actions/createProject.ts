/** Create a project on a server that is ready, with the engine's name rules checked before asking it. */
import { BiltError } from '../core/errors';
import type { Project, Visibility } from '../core/model';
import { nameTaken } from '../core/refusals';
import type { ActionContext, Target, WriteOptions } from './context';
import { checkProjectInput } from './inputs';
import { done, refused, settle, type Outcome } from './outcome';
import { serverOf } from './target';

export interface NewProject {
  name: string;
  description?: string | undefined;
  visibility?: Visibility | undefined;
}

export interface Created {
  target: Target;
  project: Project;
}

/**
 * The server a new project goes to when none is named: the linked project's, else the workspace's chosen
 * account, else the first ready one (each only when it is ready and can create projects).
 */
export function defaultServer(ctx: ActionContext): string | undefined {
  const ready = ctx.store
    .snapshots()
    .filter((s) => s.status.state === 'ready' && s.capabilities?.createProject !== false);
  const linked = ctx.links.get()?.serverId;
  const account = ctx.account?.get();
  return (ready.find((s) => s.server.id === linked) ?? ready.find((s) => s.server.id === account) ?? ready[0])?.server
    .id;
}

export function createProject(
  ctx: ActionContext,
  serverId: string | undefined,
  input: NewProject,
  o: WriteOptions = {},
): Promise<Outcome<Created>> {
  return settle(o.signal, async () => {
    const id = serverId ?? defaultServer(ctx);
    if (!id) {
      return refused(
        new BiltError('unavailable', 'No Bilt server is ready', {
          message: 'Sign in, or start the local engine, first',
        }),
      );
    }
    const server = serverOf(ctx, id);
    if (server.status.state !== 'ready') {
      return refused(
        new BiltError('unavailable', `${server.server.label} is not ready (${server.status.state})`, {
          message: 'Sign in or wait until it is reachable',
        }),
      );
    }
    if (server.capabilities?.createProject === false) {
      return refused(
        new BiltError('unsupported', 'Cannot create a project', {
          message: `${server.server.label} starts sessions from its own agents; create the session there`,
        }),
      );
    }
    const { name, description } = checkProjectInput(input.name, input.description || undefined);
    const existing = server.projects?.find((p) => p.project.name.toLowerCase() === name.toLowerCase());
    if (existing) {
      return refused(nameTaken(existing.project));
    }
    if (!o.confirmed) {
      return {
        kind: 'confirm',
        title: `Create the Bilt project ${name}?`,
        message: `On ${server.server.label}${description ? `: ${description}` : ''}`,
        destructive: false,
      };
    }
    const client = await ctx.store.client(id, o.signal);
    const visibility = client.backend.capabilities.visibility ? input.visibility : undefined;
    const project = await client.backend.createProject({ name, description, visibility }, { signal: o.signal });
    ctx.store.afterAction(id, { projectId: project.id });
    return done({ target: { serverId: id, projectId: project.id }, project });
  });
}
