/**
 * Registers the in-editor agent tools. Which of them agents see is package.json's `when` on each
 * (settings bilt.agent.tools and bilt.agent.readOnly; see contributions.ts), so a change of setting
 * applies at once.
 */
import type * as vscode from 'vscode';
import { answerQuestions } from './answerQuestions';
import { cancelWorkflow } from './cancelWorkflow';
import { createProject } from './createProject';
import { getMessages } from './getMessages';
import { getSession } from './getSession';
import { listProjects } from './listProjects';
import { resumeWorkflow } from './resumeWorkflow';
import { sendMessage } from './sendMessage';
import { registerAgentTool, type AgentToolDeps } from './tool';

export function registerAgentTools(deps: AgentToolDeps): vscode.Disposable[] {
  return [
    registerAgentTool(listProjects, deps),
    registerAgentTool(getSession, deps),
    registerAgentTool(getMessages, deps),
    registerAgentTool(createProject, deps),
    registerAgentTool(sendMessage, deps),
    registerAgentTool(answerQuestions, deps),
    registerAgentTool(resumeWorkflow, deps),
    registerAgentTool(cancelWorkflow, deps),
  ];
}
