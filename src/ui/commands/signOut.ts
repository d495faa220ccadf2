/**
 * Sign out of a remote server: its token leaves SecretStorage (every window follows) and the server shows
 * "signed out". The Accounts menu signs out through the same function (src/ui/servers/authProvider.ts).
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { pickServer } from './pick';
import { registerCommand } from './run';

/** Removes the server's token, refreshes it and says so; the one way to sign out. */
export async function signOutOf(deps: CommandDeps, server: { id: string; label: string }): Promise<void> {
  await deps.tokens.delete(server.id);
  deps.log.info(`signed out of ${server.id}`);
  await deps.store.refresh(server.id);
  void vscode.window.showInformationMessage(`Signed out of ${server.label}. Its token was removed from this machine.`);
}

export const registerSignOut = (deps: CommandDeps) =>
  registerCommand(COMMANDS.signOut, 'sign out', deps.log, async (arg) => {
    const signedIn = deps.store
      .snapshots()
      .filter((s) => s.server.kind === 'remote' && s.status.state !== 'signed-out');
    if (signedIn.length === 0) {
      void vscode.window.showInformationMessage('You are not signed in to any Bilt server.');
      return undefined;
    }
    // snapshots are new objects at each read: compare servers by id
    const ids = new Set(signedIn.map((x) => x.server.id));
    const s = await pickServer(deps, arg, (x) => ids.has(x.server.id), 'Sign out of which Bilt server?');
    await signOutOf(deps, s.server);
    return s.server.id;
  });
