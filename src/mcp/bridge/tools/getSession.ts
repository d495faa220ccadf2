import { toSeedSession } from '../../../core/contract/seed';
import { BiltError } from '../../../core/errors';
import type { SessionView } from '../../../api/backend';
import { defineTool } from '../../kit/tool';
import type { BridgeContext, UpstreamClient } from '../context';
import { seedToolSpec } from '../../../core/contract/seedTools';

async function mostRecent(client: UpstreamClient, signal: AbortSignal): Promise<SessionView> {
  if (client.backend.kind === 'mcp-seed') {
    return client.backend.getSession({}, { signal });
  }
  // a project-keyed server has no "current session": take the most recently updated project's
  const projects = await client.backend.listProjects({ signal });
  const newest = [...projects].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  if (!newest) {
    throw new BiltError('not_found', 'No session found', {
      message: 'There are no projects yet: create one with bilt_create_project',
    });
  }
  return client.backend.getSession({ projectId: newest.id }, { signal });
}

export const getSessionTool = (ctx: BridgeContext) =>
  defineTool({
    ...seedToolSpec('bilt_get_session'),
    handler: async ({ session_id, project_id }, extra) => {
      const client = await ctx.client(extra.signal);
      let view: SessionView;
      if (session_id) {
        const ref = await ctx.sessions.ref(client, session_id, extra.signal);
        if (project_id && project_id !== ref.projectId) {
          throw new BiltError('invalid_input', 'Invalid request body', {
            field: 'project_id',
            message: `session ${session_id} belongs to project ${ref.projectId}, not ${project_id}`,
          });
        }
        view = await client.backend.getSession(ref, { signal: extra.signal });
      } else if (project_id) {
        view = await client.backend.getSession({ projectId: project_id }, { signal: extra.signal });
      } else {
        view = await mostRecent(client, extra.signal);
      }
      ctx.sessions.remember(view.session);
      return toSeedSession(view.session, view.workflows[0], view.workflows);
    },
  });
