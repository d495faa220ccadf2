/** Sign out of a remote server: its token leaves SecretStorage (every window follows) and the server shows "signed out". */
import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { pickServer } from './pick';
import { registerCommand } from './run';

export const registerSignOut = (deps: CommandDeps) =>
  registerCommand(COMMANDS.signOut, 'sign out', deps.log, async (arg) => {
    const signedIn = deps.store
      .snapshots()
      .filter((s) => s.server.kind === 'remote' && s.status.state !== 'signed-out');
    if (signedIn.length === 0) {
      void vscode.window.showInformationMessage('You are not signed in to any Bilt server.');
      return undefined;
    }
    const s = await pickServer(deps, arg, (x) => signedIn.includes(x), 'Sign out of which Bilt server?');
    await deps.tokens.delete(s.server.id);
    deps.log.info(`signed out of ${s.server.id}`);
    await deps.store.refresh(s.server.id);
    void vscode.window.showInformationMessage(
      `Signed out of ${s.server.label}. Its token was removed from this machine.`,
    );
    return s.server.id;
  });
