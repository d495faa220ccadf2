/**
 * Bilt: Choose Account for This Workspace: which signed-in remote server this workspace uses when there
 * are several (src/ui/servers/workspaceAccount.ts): its server comes first in the pickers, and new
 * projects go there when no project is linked. Given a server (a URL, a tree node or `{serverId}`), it is
 * chosen without asking.
 */
import * as vscode from 'vscode';
import { BiltError } from '../../core/errors';
import { normalizeUrl } from '../config';
import { COMMANDS, LOCAL_SERVER_ID } from '../ids';
import type { CommandDeps } from './deps';
import { idsFrom } from './pick';
import { must, registerCommand } from './run';

export const registerChooseAccount = (deps: CommandDeps) =>
  registerCommand(COMMANDS.chooseAccount, 'choose the account', deps.log, async (arg) => {
    const remote = deps.settings().remote;
    const given = typeof arg === 'string' ? normalizeUrl(arg) : idsFrom(arg)?.serverId;
    if (given === LOCAL_SERVER_ID) {
      void vscode.window.showInformationMessage('The local engine has no account: it needs no sign-in.');
      return undefined;
    }
    if (given) {
      const server = remote.find((r) => r.url === given);
      if (!server) {
        throw new BiltError('not_found', 'Server not found', { message: `${given} is not a configured Bilt server` });
      }
      return choose(deps, server.url, server.label);
    }
    const signedIn = (await Promise.all(remote.map(async (r) => ((await deps.tokens.get(r.url)) ? r : undefined))))
      .filter((r) => r !== undefined)
      .map((r) => r!);
    if (signedIn.length === 0) {
      const a = await vscode.window.showInformationMessage('Sign in to a Bilt server first.', 'Sign In');
      if (a) {
        await vscode.commands.executeCommand(COMMANDS.signIn);
      }
      return undefined;
    }
    const current = deps.account.get();
    const items: Array<vscode.QuickPickItem & { url?: string }> = [
      ...signedIn.map((r) => ({
        label: r.label,
        description: `${r.url}${r.url === current ? " · this workspace's account" : ''}`,
        url: r.url,
      })),
      {
        label: 'No preference',
        detail: 'Pickers list the servers as configured; an agent’s new project goes to the first ready server',
      },
    ];
    const picked = must(
      await vscode.window.showQuickPick(items, {
        title: 'Bilt account for this workspace',
        placeHolder: 'Which account (server) should this workspace use?',
      }),
    );
    if (!picked.url) {
      await deps.account.set(undefined);
      deps.log.info('this workspace has no preferred account now');
      return undefined;
    }
    return choose(deps, picked.url, picked.label);
  });

async function choose(deps: CommandDeps, url: string, label: string): Promise<string> {
  await deps.account.set(url);
  deps.log.info(`this workspace uses the account of ${url}`);
  void vscode.window.showInformationMessage(`This workspace uses your ${label} account.`);
  return url;
}
