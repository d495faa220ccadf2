import { BiltError } from '../../../core/errors';
import { defineTool } from '../../kit/tool';
import type { BridgeContext } from '../context';
import { seedToolSpec } from '../../../core/contract/seedTools';

export const resumeWorkflowTool = (ctx: BridgeContext) =>
  defineTool({
    ...seedToolSpec('bilt_resume_workflow'),
    handler: async ({ session_id, answers }, extra) => {
      const client = await ctx.client(extra.signal);
      const ref = await ctx.sessions.ref(client, session_id, extra.signal);
      let status;
      let workflowId: string | undefined;
      if (answers?.length) {
        const latest = (await client.backend.getSession(ref, { signal: extra.signal })).workflows[0];
        if (!latest || latest.status !== 'paused') {
          throw new BiltError('illegal_state', 'Cannot resume workflow', {
            current_status: latest?.status ?? 'idle',
            message: 'No workflow is waiting for answers',
          });
        }
        workflowId = latest.id;
        const mapped = answers.map((a) => ({
          questionIndex: a.question_index,
          selectedOptions: a.selected_options ?? [],
          ...(a.text !== undefined ? { text: a.text } : {}),
        }));
        status = await client.backend.answer(ref, latest.id, mapped, { signal: extra.signal });
      } else {
        status = await client.backend.resume(ref, { signal: extra.signal });
        workflowId = (await client.backend.getSession(ref, { signal: extra.signal })).workflows[0]?.id;
      }
      return {
        session_id,
        workflow_id: workflowId ?? '',
        status,
        resumed_at: new Date().toISOString(),
        message: 'Workflow resumed',
      };
    },
  });
