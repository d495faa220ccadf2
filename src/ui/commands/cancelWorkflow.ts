/** Cancel with an optional reason (up to 500 characters) and a modal confirmation naming what is lost. */
import * as vscode from 'vscode';
import { cancelConfirmation, reasonInput } from '../../present/decisions';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { pickSession } from './pick';
import { must, registerCommand } from './run';

export const registerCancelWorkflow = (d: CommandDeps) =>
  registerCommand(COMMANDS.cancelWorkflow, 'cancel the workflow', d.log, async (arg, given?: unknown) => {
    const s = await pickSession(d, arg, 'Cancel the workflow of which project?');
    const c = cancelConfirmation(s.projectName, s.view.workflows[0]);
    if (c.refusal) {
      void vscode.window.showInformationMessage(`${s.projectName}: ${c.refusal}.`);
      return undefined;
    }
    // arguments from a caller (tests, agents) skip the prompts; people get a reason box and a modal
    const reason =
      typeof given === 'string'
        ? given
        : must(
            await vscode.window.showInputBox({
              title: `Cancel ${s.projectName}`,
              prompt: 'Reason (optional, kept in the log)',
              placeHolder: 'e.g. requirements changed',
              validateInput: reasonInput,
            }),
          );
    if (typeof given !== 'string') {
      const ok = await vscode.window.showWarningMessage(c.message!, { modal: true }, 'Cancel Workflow');
      if (ok !== 'Cancel Workflow') {
        return undefined;
      }
    }
    const client = await d.store.client(s.serverId);
    await client.backend.cancel(s.ref, reason || undefined);
    d.store.afterAction(s.serverId, s.ref);
    return 'cancelled';
  });
