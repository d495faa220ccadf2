/** Registers the in-editor agent tools (setting bilt.agent.languageModelTools). */
import type * as vscode from 'vscode';
import type { CommandDeps } from '../commands/deps';
import { answerQuestions } from './answerQuestions';
import { cancelWorkflow } from './cancelWorkflow';
import { createProject } from './createProject';
import { getMessages } from './getMessages';
import { getSession } from './getSession';
import { listProjects } from './listProjects';
import { resumeWorkflow } from './resumeWorkflow';
import { sendMessage } from './sendMessage';
import { registerAgentTool } from './tool';

export function registerAgentTools(d: CommandDeps): vscode.Disposable[] {
  return [
    registerAgentTool(listProjects, d),
    registerAgentTool(getSession, d),
    registerAgentTool(getMessages, d),
    registerAgentTool(createProject, d),
    registerAgentTool(sendMessage, d),
    registerAgentTool(answerQuestions, d),
    registerAgentTool(resumeWorkflow, d),
    registerAgentTool(cancelWorkflow, d),
  ];
}
