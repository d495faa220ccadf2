/** The extension's own diagnostics: one LogOutputChannel, tokens redacted before anything is written. */
import * as vscode from 'vscode';
import { redactSecrets } from '../core/redact';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
  show(): void;
  /** The last lines written (already redacted), oldest first, for a problem report. */
  recent(): string[];
}

/** Lines kept for a problem report. */
const KEPT_LINES = 200;

export function createLogger(context: vscode.ExtensionContext): Logger {
  const channel = vscode.window.createOutputChannel('Bilt', { log: true });
  context.subscriptions.push(channel);
  const kept: string[] = [];
  const clean = (level: string, m: string) => {
    const line = redactSecrets(m);
    kept.push(`${new Date().toISOString()} [${level}] ${line}`);
    kept.splice(0, Math.max(0, kept.length - KEPT_LINES));
    return line;
  };
  return {
    info: (m) => channel.info(clean('info', m)),
    warn: (m) => channel.warn(clean('warning', m)),
    error: (m, e) =>
      channel.error(
        clean('error', e === undefined ? m : `${m}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
      ),
    show: () => channel.show(true),
    recent: () => [...kept],
  };
}
