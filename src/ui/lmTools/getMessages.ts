import type { AgentTool } from './tool';
import { projectOf } from './tool';

export const getMessages: AgentTool<'bilt_getMessages'> = {
  name: 'bilt_getMessages',
  running: (i) => `Reading Bilt messages of ${i.project ?? 'the project'}`,
  invoke: async (i, d, signal) => {
    const p = projectOf(d, i.project);
    const view = await d.store.loadSession(p.serverId, p.entry.project.id);
    const client = await d.store.client(p.serverId, signal);
    const page = await client.backend.getMessages(
      { sessionId: view.session.id, projectId: p.entry.project.id },
      { limit: i.limit ?? 20 },
      { signal },
    );
    return JSON.stringify({
      total: page.total,
      newestFirst: page.messages.map((m) => ({ side: m.side, variant: m.variant, text: m.text, at: m.createdAt })),
    });
  },
};
