import { mapDone } from '../../actions/outcome';
import { sendMessage as send } from '../../actions/send';
import { onProject } from '../../actions/target';
import { afterWaiting } from './results';
import type { AgentTool } from './tool';

const NEXT = 'Check progress with bilt_getSession every few seconds; read results with bilt_getMessages.';

export const sendMessage: AgentTool<'bilt_sendMessage'> = {
  name: 'bilt_sendMessage',
  running: (i) => `Sending an instruction to Bilt (${i.project ?? 'project'})`,
  run: (ctx, i, o) =>
    onProject(ctx, i.project, async (target) =>
      mapDone(await send(ctx, target, i.message, o), (sent) => {
        const result = {
          started: true,
          workflowId: sent.workflowId,
          status: sent.status,
          ...(i.wait ? {} : { next: NEXT }),
        };
        return afterWaiting(ctx, sent, i.wait, o.signal, result);
      }),
    ),
};
