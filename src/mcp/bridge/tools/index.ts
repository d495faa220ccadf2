/** The bridge's tools: exactly the seed contract's 8, whatever contract the upstream speaks. */
import type { AnyTool } from '../../kit/tool';
import type { BridgeContext } from '../context';
import { withHints } from '../hints';
import { cancelWorkflowTool } from './cancelWorkflow';
import { createProjectTool } from './createProject';
import { getMessagesTool } from './getMessages';
import { getProjectTool } from './getProject';
import { getSessionTool } from './getSession';
import { listProjectsTool } from './listProjects';
import { resumeWorkflowTool } from './resumeWorkflow';
import { sendMessageTool } from './sendMessage';

export const bridgeTools = (ctx: BridgeContext): AnyTool[] =>
  withHints([
    listProjectsTool(ctx),
    getProjectTool(ctx),
    createProjectTool(ctx),
    getSessionTool(ctx),
    sendMessageTool(ctx),
    getMessagesTool(ctx),
    resumeWorkflowTool(ctx),
    cancelWorkflowTool(ctx),
  ] as AnyTool[]);
