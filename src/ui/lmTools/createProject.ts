import { createProject as create } from '../../actions/createProject';
import { mapDone } from '../../actions/outcome';
import type { AgentTool } from './tool';

export const createProject: AgentTool<'bilt_createProject'> = {
  name: 'bilt_createProject',
  running: (i) => `Creating the Bilt project ${i.name}`,
  run: async (ctx, i, o) =>
    mapDone(await create(ctx, undefined, { name: i.name, description: i.description }, o), ({ project }) => ({
      created: true,
      id: project.id,
      name: project.name,
    })),
};
