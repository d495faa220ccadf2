/** Resume a paused or interrupted workflow; one that waits for answers is answered instead. */
import * as vscode from 'vscode';
import { needsAnswers, resumeWorkflow } from '../../actions/resume';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { pickProject } from './pick';
import { registerCommand, unwrap } from './run';

export const registerResumeWorkflow = (deps: CommandDeps) =>
  registerCommand(COMMANDS.resumeWorkflow, 'resume the workflow', deps.log, async (arg) => {
    const { target, projectName } = await pickProject(deps, arg, 'Resume the workflow of which project?');
    const outcome = await resumeWorkflow(deps.actions, target, { confirmed: true });
    if (needsAnswers(outcome)) {
      return vscode.commands.executeCommand(COMMANDS.answerQuestions, target);
    }
    return unwrap(outcome, projectName).status;
  });
