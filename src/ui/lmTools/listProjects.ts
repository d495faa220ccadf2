import { sessionWords } from '../../present/rows';
import type { AgentTool } from './tool';

export const listProjects: AgentTool<'bilt_listProjects'> = {
  name: 'bilt_listProjects',
  running: () => 'Listing Bilt projects',
  invoke: async (_i, d) => {
    const now = Date.now();
    const rows = d.store.snapshots().flatMap((s) =>
      (s.projects ?? []).map((e) => ({
        server: s.server.label,
        id: e.project.id,
        name: e.project.name,
        description: e.project.description,
        status: e.session ? sessionWords(e.session, now) : 'not loaded',
      })),
    );
    return JSON.stringify({ projects: rows });
  },
};
