/**
 * Entry point of the VS Code extension: a table of contents that builds the parts and registers
 * them. The UI (tree, commands, live log, MCP provider) arrives with issue #4; today it provides the
 * diagnostics channel so every later part has a place to report to.
 */
import * as vscode from 'vscode';
import { COMMANDS } from './ui/ids';
import { createLogger } from './ui/logging';

export function activate(context: vscode.ExtensionContext): void {
  const log = createLogger(context);
  log.info(`Bilt ${context.extension.packageJSON.version as string} activated`);
  context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.showLogs, () => log.show()));
}

export function deactivate(): void {}
