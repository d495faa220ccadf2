/**
 * Registers a command with the error handling every command shares: a failed command shows a toast
 * "Could not <verb>: <reason>" with a Show Diagnostics action, the details go to the log, and a user
 * who backs out of a prompt (Cancelled) sees nothing.
 */
import * as vscode from 'vscode';
import { isBiltError } from '../../core/errors';
import { COMMANDS } from '../ids';
import type { Logger } from '../logging';

/** Thrown when the user dismisses a prompt: the command stops quietly. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export function reasonOf(e: unknown): string {
  if (isBiltError(e)) {
    const detail =
      typeof e.details['message'] === 'string' && e.details['message'] !== e.message ? `: ${e.details['message']}` : '';
    const retry = e.retryAfterSeconds !== undefined ? ` (retry in ${e.retryAfterSeconds} s)` : '';
    return `${e.message}${detail}${retry}`;
  }
  return e instanceof Error ? e.message : String(e);
}

export function registerCommand(
  id: string,
  verb: string,
  log: Logger,
  handler: (...args: unknown[]) => Promise<unknown>,
): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await handler(...args);
    } catch (e) {
      if (e instanceof Cancelled) {
        return undefined;
      }
      log.error(`${id} failed`, e);
      void vscode.window.showErrorMessage(`Could not ${verb}: ${reasonOf(e)}`, 'Show Diagnostics').then((a) => {
        if (a) {
          void vscode.commands.executeCommand(COMMANDS.showLogs);
        }
      });
      return undefined;
    }
  });
}

/** Undefined (dismissed) → Cancelled. */
export function must<T>(v: T | undefined): T {
  if (v === undefined) {
    throw new Cancelled();
  }
  return v;
}
