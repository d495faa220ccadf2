/**
 * Link this workspace to a project: pickers offer it first and agents use it when none is named. Called
 * again on the linked project (or from the palette while linked) it offers to unlink.
 */
import * as vscode from 'vscode';
import { linkWorkspace } from '../../actions/link';
import { projectName } from '../../actions/target';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { idsFrom, pickProject } from './pick';
import { registerCommand, unwrap } from './run';

/** Whether to unlink, link another project, or go on with the one the command was invoked on. */
async function askWhenLinked(deps: CommandDeps, arg: unknown): Promise<'unlink' | 'pick' | 'cancel' | 'link'> {
  const current = deps.actions.links.get();
  const ids = idsFrom(arg);
  const same = ids?.projectId === current?.projectId && ids?.serverId === current?.serverId;
  if (!current || (ids?.projectId && !same)) {
    return 'link';
  }
  const other = ids?.projectId ? [] : ['Link Another Project…'];
  const name = projectName(deps.actions, current);
  const answer = await vscode.window.showInformationMessage(`This workspace is linked to ${name}.`, 'Unlink', ...other);
  return answer === 'Unlink' ? 'unlink' : answer ? 'pick' : 'cancel';
}

export const registerLinkWorkspace = (deps: CommandDeps) =>
  registerCommand(COMMANDS.linkWorkspace, 'link the workspace', deps.log, async (arg, action?: unknown) => {
    const choice = action === 'unlink' ? 'unlink' : await askWhenLinked(deps, arg);
    if (choice === 'cancel') {
      return undefined;
    }
    if (choice === 'unlink') {
      if (!deps.actions.links.get()) {
        return 'unlinked';
      }
      unwrap(await linkWorkspace(deps.actions, undefined));
      void vscode.window.showInformationMessage('This workspace is no longer linked to a Bilt project.');
      return 'unlinked';
    }
    const picked = await pickProject(
      deps,
      choice === 'pick' ? undefined : arg,
      'Link this workspace to which project?',
    );
    const { link } = unwrap(await linkWorkspace(deps.actions, picked.target), picked.projectName);
    void vscode.window.showInformationMessage(
      `This workspace is linked to ${picked.projectName}: Bilt commands offer it first.`,
    );
    return link;
  });
