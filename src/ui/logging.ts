/** The extension's own diagnostics: one LogOutputChannel, tokens redacted before anything is written. */
import * as vscode from 'vscode';
import { redactSecrets } from '../core/redact';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  show(): void;
}

export function createLogger(context: vscode.ExtensionContext): Logger {
  const channel = vscode.window.createOutputChannel('Bilt', { log: true });
  context.subscriptions.push(channel);
  const clean = (m: string) => redactSecrets(m);
  return {
    info: (m) => channel.info(clean(m)),
    warn: (m) => channel.warn(clean(m)),
    error: (m, e) =>
      channel.error(clean(e === undefined ? m : `${m}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`)),
    show: () => channel.show(true),
  };
}
