import type { AgentTool } from './tool';
import { projectOf } from './tool';

export const getSession: AgentTool<'bilt_getSession'> = {
  name: 'bilt_getSession',
  running: (i) => `Reading the Bilt session of ${i.project ?? 'the project'}`,
  invoke: async (i, d) => {
    const p = projectOf(d, i.project);
    const view = await d.store.loadSession(p.serverId, p.entry.project.id);
    const w = view.workflows[0];
    return JSON.stringify({
      project: p.entry.project.name,
      sessionId: view.session.id,
      status: view.session.status,
      progress: view.session.progress,
      ...(w?.pause ? { pause: w.pause } : {}),
      workflows: view.workflows.slice(0, 5).map((x) => ({
        id: x.id,
        status: x.status,
        message: x.message,
        progress: x.progress,
        resultUrl: x.result?.url,
        error: x.error,
      })),
    });
  },
};
