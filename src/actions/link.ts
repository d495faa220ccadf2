/** Link this workspace to a project (pickers and agents then use it when none is named), or unlink it. */
import { notFound } from '../core/errors';
import type { ActionContext, ActionOptions, Target } from './context';
import { done, settle, type Outcome } from './outcome';
import { projectName, serverOf } from './target';

export interface Linked {
  /** undefined: the workspace is no longer linked. */
  link: Target | undefined;
  projectName: string | undefined;
}

export function linkWorkspace(
  ctx: ActionContext,
  target: Target | undefined,
  o: ActionOptions = {},
): Promise<Outcome<Linked>> {
  return settle<Linked>(o.signal, async () => {
    if (!target) {
      await ctx.links.set(undefined);
      return done({ link: undefined, projectName: undefined });
    }
    const known = serverOf(ctx, target.serverId).projects?.some((p) => p.project.id === target.projectId);
    if (!known) {
      throw notFound('Project', { project_id: target.projectId });
    }
    const link = { serverId: target.serverId, projectId: target.projectId };
    const name = projectName(ctx, link);
    await ctx.links.set(link, name);
    return done({ link, projectName: name });
  });
}
