import { fromLiveAnswers, toLiveProgress } from '../../../core/contract/live';
import { BiltError } from '../../../core/errors';
import type { Workflow } from '../../../core/model';
import { LIVE_STATUS } from '../../../core/status';
import { defineTool, type ToolExtra } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { waitWithProgress } from '../waitWithProgress';
import { liveToolSpec } from '../../../core/contract/liveTools';

const invalid = (field: string, message: string) =>
  new BiltError('invalid_input', 'Invalid request body', { field, message });

async function answer(
  svc: EngineService,
  projectId: string,
  answersJson: ReturnType<typeof fromLiveAnswers>,
  workflowId: string | undefined,
): Promise<Workflow> {
  const session = svc.peekSessionOfProject(projectId);
  const latest = session && svc.latestWorkflow(session.id);
  if (!session || !latest || latest.status !== 'paused' || latest.pause?.type !== 'questions') {
    throw invalid(
      'answers',
      `no workflow of this project is waiting for answers (current status: ${latest ? LIVE_STATUS[latest.status] : 'idle'})`,
    );
  }
  if (workflowId !== undefined && workflowId !== latest.id) {
    throw invalid(
      'workflowId',
      `workflow ${workflowId} is not the paused workflow of this project (that is ${latest.id})`,
    );
  }
  return svc.resume(session.id, answersJson);
}

async function respond(svc: EngineService, projectId: string, started: Workflow, extra: ToolExtra) {
  // queued work returns at once; otherwise block until it completes, pauses or fails (or the wait times out)
  const { workflow: w, timedOut } =
    started.status === 'pending'
      ? { workflow: started, timedOut: false }
      : await waitWithProgress(svc, started.id, extra);
  const progress = toLiveProgress(w.progress);
  const questions = w.status === 'paused' && w.pause?.type === 'questions' ? w.pause.questions : undefined;
  return {
    projectId,
    workflowId: w.id,
    status: timedOut ? ('timeout' as const) : LIVE_STATUS[w.status],
    ...(w.status === 'paused' && w.pause ? { pauseType: w.pause.type } : {}),
    ...(questions ? { questions } : {}),
    ...(progress ? { progress } : {}),
    projectUrl: svc.projectUrl(projectId),
    ...(w.result?.url ? { resultUrl: w.result.url } : {}),
    ...(w.result?.summary ? { result: w.result.summary } : {}),
    ...(w.error ? { error: w.error } : {}),
  };
}

export const sendMessageTool = (svc: EngineService) =>
  defineTool({
    ...liveToolSpec('bilt_send_message'),
    handler: async ({ projectId, message, answers, workflowId }, extra) => {
      if (answers !== undefined) {
        if (message !== undefined) {
          throw invalid('message', "send answers without a message when answering a paused workflow's questions");
        }
        return respond(svc, projectId, await answer(svc, projectId, fromLiveAnswers(answers), workflowId), extra);
      }
      if (workflowId !== undefined) {
        throw invalid('workflowId', 'workflowId is only used together with answers');
      }
      const session = await svc.sessionOfProject(projectId);
      return respond(svc, projectId, await svc.sendMessage(session.id, message!), extra);
    },
  });
