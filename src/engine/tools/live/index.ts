/** The live contract's 7 tools (no resume tool: questions are answered through bilt_send_message). */
import type { AnyTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { answerWhenSettled } from '../settled';
import { inLiveWords } from './liveWords';
import { cancelWorkflowTool } from './cancelWorkflow';
import { createProjectTool } from './createProject';
import { getMessagesTool } from './getMessages';
import { getProjectTool } from './getProject';
import { getSessionTool } from './getSession';
import { listProjectsTool } from './listProjects';
import { sendMessageTool } from './sendMessage';

export const liveTools = (svc: EngineService): AnyTool[] =>
  answerWhenSettled(
    svc,
    inLiveWords([
      listProjectsTool(svc),
      getProjectTool(svc),
      createProjectTool(svc),
      getSessionTool(svc),
      sendMessageTool(svc),
      getMessagesTool(svc),
      cancelWorkflowTool(svc),
    ] as AnyTool[]),
  );
