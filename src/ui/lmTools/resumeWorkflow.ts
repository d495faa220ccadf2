import { BiltError } from '../../core/errors';
import { resumeDecision } from '../../present/decisions';
import type { AgentTool } from './tool';
import { projectOf } from './tool';

export const resumeWorkflow: AgentTool<'bilt_resumeWorkflow'> = {
  name: 'bilt_resumeWorkflow',
  running: (i) => `Resuming the Bilt workflow of ${i.project ?? 'the project'}`,
  confirm: (i, d) => ({
    title: 'Resume the Bilt workflow?',
    message: `Continue the paused workflow of **${projectOf(d, i.project).entry.project.name}**.`,
  }),
  invoke: async (i, d, signal) => {
    const p = projectOf(d, i.project);
    const view = await d.store.loadSession(p.serverId, p.entry.project.id);
    const r = resumeDecision(view.workflows[0]);
    if (r.answerInstead) {
      throw new BiltError('illegal_state', 'Cannot resume workflow', {
        current_status: 'paused',
        message: 'The workflow waits for answers: use bilt_answerQuestions',
      });
    }
    if (r.refusal) {
      throw new BiltError('illegal_state', 'Cannot resume workflow', {
        current_status: view.session.status,
        message: r.refusal,
      });
    }
    const client = await d.store.client(p.serverId, signal);
    const ref = { sessionId: view.session.id, projectId: p.entry.project.id };
    const status = await client.backend.resume(ref, { signal });
    d.store.afterAction(p.serverId, ref);
    return JSON.stringify({ resumed: true, status });
  },
};
