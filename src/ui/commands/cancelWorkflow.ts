/** Cancel with an optional reason (up to 500 characters) and a modal confirmation naming what is lost. */
import * as vscode from 'vscode';
import { cancelWorkflow } from '../../actions/cancel';
import { reasonInput } from '../../present/inputs';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { pickProject } from './pick';
import { Cancelled, must, registerCommand, unwrap } from './run';

const reasonBox = (projectName: string) => ({
  title: `Cancel ${projectName}`,
  prompt: 'Reason (optional, kept in the log)',
  placeHolder: 'e.g. requirements changed',
  validateInput: reasonInput,
});

export const registerCancelWorkflow = (deps: CommandDeps) =>
  registerCommand(COMMANDS.cancelWorkflow, 'cancel the workflow', deps.log, async (arg, given?: unknown) => {
    const { target, projectName } = await pickProject(deps, arg, 'Cancel the workflow of which project?');
    const question = await cancelWorkflow(deps.actions, target); // the refusal, or what to confirm
    if (question.kind !== 'confirm') {
      return unwrap(question, projectName);
    }
    // a caller's reason (tests, other extensions) is their confirmation; people give one and confirm
    if (typeof given !== 'string') {
      const reason = must(await vscode.window.showInputBox(reasonBox(projectName)));
      const ok = await vscode.window.showWarningMessage(question.message, { modal: true }, 'Cancel Workflow');
      if (ok !== 'Cancel Workflow') {
        throw new Cancelled();
      }
      given = reason;
    }
    unwrap(await cancelWorkflow(deps.actions, target, { reason: given as string, confirmed: true }), projectName);
    return 'cancelled';
  });
