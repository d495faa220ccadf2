import { BiltError } from '../../core/errors';
import { sendRefusal } from '../../present/decisions';
import type { AgentTool } from './tool';
import { projectOf } from './tool';

const preview = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…` : s);

export const sendMessage: AgentTool<'bilt_sendMessage'> = {
  name: 'bilt_sendMessage',
  running: (i) => `Sending an instruction to Bilt (${i.project ?? 'project'})`,
  confirm: (i, d) => {
    const p = projectOf(d, i.project);
    return {
      title: `Send to Bilt project ${p.entry.project.name}?`,
      message: `This starts a Bilt workflow in **${p.entry.project.name}** with:\n\n> ${preview(i.message).replace(/\n/g, '\n> ')}`,
    };
  },
  invoke: async (i, d, signal) => {
    const p = projectOf(d, i.project);
    const view = await d.store.loadSession(p.serverId, p.entry.project.id);
    const busy = sendRefusal(view);
    if (busy) {
      throw new BiltError('conflict', 'A workflow is already in progress', {
        current_status: view.session.status,
        message: busy,
      });
    }
    const client = await d.store.client(p.serverId, signal);
    const ref = { sessionId: view.session.id, projectId: p.entry.project.id };
    const r = await client.backend.sendMessage(ref, i.message, { signal });
    d.store.afterAction(p.serverId, ref);
    return JSON.stringify({
      started: true,
      workflowId: r.workflowId,
      status: r.status,
      next: 'Check progress with bilt_getSession every few seconds; read results with bilt_getMessages.',
    });
  },
};
