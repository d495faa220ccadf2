import { seedInputs, seedOutputs, toSeedSession } from '../../../core/contract/seed';
import { BiltError } from '../../../core/errors';
import type { SessionView } from '../../../api/backend';
import { defineTool } from '../../kit/tool';
import type { BridgeContext, UpstreamClient } from '../context';

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
    name: 'bilt_get_session',
    title: 'Get a Bilt session',
    description:
      'Returns a session: status (idle, pending, running, paused, completed, failed, cancelled), progress ' +
      '(percentage, current_step), a pending pause with its questions, and recent workflows. With project_id: that ' +
      "project's current session. With session_id: that session. With neither: the most recent one. Call it to get " +
      'the session_id for bilt_send_message, and to monitor progress (every 2–5 seconds, not faster).',
    input: seedInputs.bilt_get_session,
    output: seedOutputs.bilt_get_session,
    annotations: { readOnlyHint: true, openWorldHint: true },
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
