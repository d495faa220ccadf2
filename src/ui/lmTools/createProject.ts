import type { AgentTool } from './tool';

export const createProject: AgentTool<'bilt_createProject'> = {
  name: 'bilt_createProject',
  running: (i) => `Creating the Bilt project ${i.name}`,
  confirm: (i, d) => {
    const target = d.store.snapshots().find((s) => s.status.state === 'ready');
    return {
      title: `Create the Bilt project ${i.name}?`,
      message: `On **${target?.server.label ?? 'the Bilt server'}**${i.description ? `: ${i.description}` : ''}`,
    };
  },
  invoke: async (i, d, signal) => {
    const target = d.store.snapshots().find((s) => s.status.state === 'ready');
    if (!target) {
      throw new Error('No Bilt server is ready: sign in or start the local engine');
    }
    const client = await d.store.client(target.server.id, signal);
    const p = await client.backend.createProject({ name: i.name, description: i.description }, { signal });
    d.store.afterAction(target.server.id);
    return JSON.stringify({ created: true, id: p.id, name: p.name });
  },
};
