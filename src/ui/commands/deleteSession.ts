/** Delete a gateway's session after a modal confirmation that says what is lost (and that running work stops). */
import * as vscode from 'vscode';
import { deleteSession } from '../../actions/deleteSession';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { pickProject } from './pick';
import { Cancelled, registerCommand, unwrap } from './run';

export const registerDeleteSession = (deps: CommandDeps) =>
  registerCommand(COMMANDS.deleteSession, 'delete the session', deps.log, async (arg, confirmed?: unknown) => {
    const { target, projectName } = await pickProject(deps, arg, 'Delete which session?');
    const question = await deleteSession(deps.actions, target, { confirmed: confirmed === true });
    if (question.kind === 'confirm') {
      const ok = await vscode.window.showWarningMessage(
        question.message,
        { modal: true, detail: question.title },
        'Delete',
      );
      if (ok !== 'Delete') {
        throw new Cancelled();
      }
    }
    const outcome =
      question.kind === 'confirm' ? await deleteSession(deps.actions, target, { confirmed: true }) : question;
    return unwrap(outcome, projectName).sessionId;
  });
