/** The seed contract's 8 tools, in the documented order. */
import type { AnyTool } from '../../../mcp/kit/tool';
import type { EngineService } from '../../service/engineService';
import { answerWhenSettled } from '../settled';
import { cancelWorkflowTool } from './cancelWorkflow';
import { createProjectTool } from './createProject';
import { getMessagesTool } from './getMessages';
import { getProjectTool } from './getProject';
import { getSessionTool } from './getSession';
import { listProjectsTool } from './listProjects';
import { resumeWorkflowTool } from './resumeWorkflow';
import { sendMessageTool } from './sendMessage';

export const seedTools = (svc: EngineService): AnyTool[] =>
  answerWhenSettled(svc, [
    listProjectsTool(svc),
    getProjectTool(svc),
    createProjectTool(svc),
    getSessionTool(svc),
    sendMessageTool(svc),
    getMessagesTool(svc),
    resumeWorkflowTool(svc),
    cancelWorkflowTool(svc),
  ] as AnyTool[]);
