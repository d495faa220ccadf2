import { listProjects as list } from '../../actions/reads';
import { done } from '../../actions/outcome';
import { sessionWords } from '../../present/rows';
import type { AgentTool } from './tool';

export const listProjects: AgentTool<'bilt_listProjects'> = {
  name: 'bilt_listProjects',
  running: () => 'Listing Bilt projects',
  run: async (ctx) => {
    const now = Date.now();
    const projects = list(ctx).map((p) => ({
      server: p.serverLabel,
      ...p.project,
      status: p.session ? sessionWords(p.session, now) : 'not loaded',
    }));
    return done({ projects });
  },
};
