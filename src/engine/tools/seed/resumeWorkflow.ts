import type { Answer } from '../../../core/model';
import { seedInputs, seedOutputs } from '../../../core/contract/seed';
import { defineTool } from '../../../mcp/kit/tool';
import { SEED_ANSWER_NAMES } from '../../service/answers';
import type { EngineService } from '../../service/engineService';

export const resumeWorkflowTool = (svc: EngineService) =>
  defineTool({
    name: 'bilt_resume_workflow',
    title: 'Resume a paused Bilt workflow',
    description:
      "Continues the session's paused workflow. When it paused with questions (see pause.questions in " +
      'bilt_get_session), pass answers: [{question_index, selected_options?, text?}] for every question. Also re-runs ' +
      'a workflow that failed because it was interrupted. A cancelled or completed workflow cannot be resumed.',
    input: seedInputs.bilt_resume_workflow,
    output: seedOutputs.bilt_resume_workflow,
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
    handler: async ({ session_id, answers }) => {
      const mapped: Answer[] | undefined = answers?.map((a) => ({
        questionIndex: a.question_index,
        selectedOptions: a.selected_options ?? [],
        ...(a.text !== undefined ? { text: a.text } : {}),
      }));
      const w = await svc.resume(session_id, mapped, SEED_ANSWER_NAMES);
      return { session_id, workflow_id: w.id, status: w.status, resumed_at: w.updatedAt, message: 'Workflow resumed' };
    },
  });
