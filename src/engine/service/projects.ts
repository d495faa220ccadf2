/** Projects: list, get, create, with the name rules and the creation limits. */
import { BiltError, notFound } from '../../core/errors';
import { nameTaken } from '../../core/refusals';
import { HOUR_MS } from '../../core/limits';
import type { Project, Visibility } from '../../core/model';
import type { ChangeRecord } from '../state/records';
import { iso, type ServiceContext } from './context';

export function getProject(ctx: ServiceContext, projectId: string): Project {
  const p = ctx.state.project(projectId);
  if (!p) {
    throw notFound('Project', { project_id: projectId });
  }
  return p;
}

export interface CreateProjectInput {
  name: string;
  description?: string | undefined;
  visibility?: Visibility | undefined;
}

export async function createProject(ctx: ServiceContext, input: CreateProjectInput): Promise<Project> {
  const { project, record } = projectRecord(ctx, input);
  await ctx.committer.commit([record]);
  return project;
}

/**
 * The record that creates a project, or the refusal (name taken, 100 active, 10 per hour).
 * Synchronous, so a caller that commits at once commits exactly what was checked.
 */
export function projectRecord(
  ctx: ServiceContext,
  input: CreateProjectInput,
): { project: Project; record: ChangeRecord } {
  const { state, limits } = ctx;
  const existing = state.projectByName(input.name);
  if (existing) {
    throw nameTaken(existing);
  }
  if (state.projectCount() >= limits.maxProjects) {
    throw new BiltError('rate_limited', 'Project limit reached', {
      message: `At most ${limits.maxProjects} active projects per account`,
      limit: limits.maxProjects,
    });
  }
  const now = ctx.clock.now();
  const recent = state.projectsCreatedSince(now - HOUR_MS);
  if (recent.count >= limits.projectsPerHour) {
    const retryAfter = Math.max(1, Math.ceil(((recent.oldest ?? now) + HOUR_MS - now) / 1000));
    throw new BiltError('rate_limited', 'Rate limit exceeded', {
      message: `At most ${limits.projectsPerHour} projects may be created per hour; retry in ${retryAfter} s`,
      limit: limits.projectsPerHour,
      retry_after: retryAfter,
    });
  }
  const at = iso(ctx.clock);
  const project: Project = {
    id: ctx.newId(),
    name: input.name,
    description: input.description ?? null,
    visibility: input.visibility ?? 'public',
    createdAt: at,
    updatedAt: at,
  };
  return { project, record: { type: 'project.created', project } };
}
