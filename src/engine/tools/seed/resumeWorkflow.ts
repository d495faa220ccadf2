import type { Answer } from '../../../core/model';
import { defineTool } from '../../../mcp/kit/tool';
import { SEED_ANSWER_NAMES } from '../../../core/answers';
import type { EngineService } from '../../service/engineService';
import { seedToolSpec } from '../../../core/contract/seedTools';

export const resumeWorkflowTool = (svc: EngineService) =>
  defineTool({
    ...seedToolSpec('bilt_resume_workflow'),
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
