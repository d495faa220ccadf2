/** Copy the most specific id of a row (workflow > session > project); from the palette, a project's. */
import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { idsFrom, pickProject } from './pick';
import { registerCommand } from './run';

export const registerCopyId = (deps: CommandDeps) =>
  registerCommand(COMMANDS.copyId, 'copy the ID', deps.log, async (arg) => {
    const t = idsFrom(arg);
    let what: string;
    let id: string;
    if (t?.workflowId) {
      [what, id] = ['workflow', t.workflowId];
    } else if (t?.sessionId) {
      [what, id] = ['session', t.sessionId];
    } else {
      [what, id] = ['project', (await pickProject(deps, arg, 'Copy the ID of which project?')).entry.project.id];
    }
    await vscode.env.clipboard.writeText(id);
    vscode.window.setStatusBarMessage(`$(copy) Copied the ${what} ID ${id}`, 3000);
    return id;
  });
