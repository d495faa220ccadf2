import { mapDone } from '../../actions/outcome';
import { readMessages } from '../../actions/reads';
import { onProject } from '../../actions/target';
import type { AgentTool } from './tool';

const DEFAULT_LIMIT = 20;

export const getMessages: AgentTool<'bilt_getMessages'> = {
  name: 'bilt_getMessages',
  running: (i) => `Reading Bilt messages of ${i.project ?? 'the project'}`,
  run: (ctx, i, o) =>
    onProject(ctx, i.project, async (target) =>
      mapDone(await readMessages(ctx, target, i.limit ?? DEFAULT_LIMIT, o), (page) => ({
        total: page.total,
        newestFirst: page.messages.map((m) => ({ side: m.side, variant: m.variant, text: m.text, at: m.createdAt })),
      })),
    ),
};
