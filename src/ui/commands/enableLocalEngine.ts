/** Turn the local engine on (user settings; also the workspace's, if it turned it off there). */
import * as vscode from 'vscode';
import { COMMANDS, LOCAL_SERVER_ID, SETTINGS } from '../ids';
import type { CommandDeps } from './deps';
import { registerCommand } from './run';
import { waitFor } from '../waitFor';

export const registerEnableLocalEngine = (deps: CommandDeps) =>
  registerCommand(COMMANDS.enableLocalEngine, 'enable the local engine', deps.log, async () => {
    const c = vscode.workspace.getConfiguration(SETTINGS.section);
    await c.update(SETTINGS.localEnabled, true, vscode.ConfigurationTarget.Global);
    if (c.inspect<boolean>(SETTINGS.localEnabled)?.workspaceValue === false) {
      await c.update(SETTINGS.localEnabled, true, vscode.ConfigurationTarget.Workspace);
    }
    // the extension adds the server when the settings change; it starts the engine on first use
    if (await waitFor(deps.store, () => deps.store.snapshot(LOCAL_SERVER_ID) !== undefined, 3000)) {
      void deps.store.refresh(LOCAL_SERVER_ID).catch((e: unknown) => deps.log.warn(`local engine: ${String(e)}`));
    }
    void vscode.window.showInformationMessage(
      `The local engine is on (agent: ${deps.settings().localAgent}). It runs workflows on this machine and is shared by every VS Code window.`,
    );
    return 'enabled';
  });
