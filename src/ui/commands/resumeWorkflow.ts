import * as vscode from 'vscode';
import { resumeDecision } from '../../present/decisions';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { pickSession } from './pick';
import { registerCommand } from './run';

export const registerResumeWorkflow = (d: CommandDeps) =>
  registerCommand(COMMANDS.resumeWorkflow, 'resume the workflow', d.log, async (arg) => {
    const s = await pickSession(d, arg, 'Resume the workflow of which project?');
    const decision = resumeDecision(s.view.workflows[0]);
    if (decision.answerInstead) {
      return vscode.commands.executeCommand(COMMANDS.answerQuestions, {
        serverId: s.serverId,
        projectId: s.ref.projectId,
      });
    }
    if (decision.refusal) {
      void vscode.window.showInformationMessage(`${s.projectName}: ${decision.refusal}.`);
      return undefined;
    }
    const client = await d.store.client(s.serverId);
    const status = await client.backend.resume(s.ref);
    d.store.afterAction(s.serverId, s.ref);
    return status;
  });
