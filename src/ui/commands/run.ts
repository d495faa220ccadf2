/**
 * Registers a command with the handling every command shares. An action's refusal shows as a warning
 * naming the project ("demo: A workflow is already in progress: …"), or, when it is the server's or the
 * connection's fault, as "Could not <verb>: <reason>" with Show Diagnostics; a defect shows the same way
 * with its details in the log; a user who backs out of a prompt (Cancelled) sees nothing.
 */
import * as vscode from 'vscode';
import type { Outcome, Refused } from '../../actions/outcome';
import { reasonOf } from '../../actions/outcome';
import { COMMANDS } from '../ids';
import type { Logger } from '../logging';

/** Thrown when the user dismisses a prompt, or stops the command: it ends quietly. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** An action refused: the command ends, and the refusal is shown. */
export class Refusal extends Error {
  constructor(
    readonly refused: Refused,
    /** What the refusal is about (a project's name), shown before the reason. */
    readonly subject: string | undefined,
  ) {
    super(refused.reason);
  }
}

/** Refusals a person can act on in the editor: shown as warnings, not as failures. */
const PERSON_CAN_ACT = new Set(['conflict', 'illegal_state', 'invalid_input', 'not_found']);

/** The value of a done outcome; otherwise the command ends (Refusal, or quietly when aborted). */
export function unwrap<T>(outcome: Outcome<T>, subject?: string): T {
  switch (outcome.kind) {
    case 'done':
      return outcome.value;
    case 'refused':
      throw new Refusal(outcome, subject);
    case 'aborted':
      throw new Cancelled();
    case 'confirm':
      throw new Error(`"${outcome.title}" was asked of a command that had already confirmed`);
  }
}

function show(id: string, verb: string, log: Logger, e: unknown): void {
  if (e instanceof Refusal && PERSON_CAN_ACT.has(e.refused.error.code)) {
    void vscode.window.showWarningMessage(`${e.subject ? `${e.subject}: ` : ''}${e.refused.reason}.`);
    return;
  }
  log.error(`${id} failed`, e instanceof Refusal ? e.refused.error : e);
  const reason = e instanceof Refusal ? e.refused.reason : reasonOf(e);
  void vscode.window.showErrorMessage(`Could not ${verb}: ${reason}`, 'Show Diagnostics').then((a) => {
    if (a) {
      void vscode.commands.executeCommand(COMMANDS.showLogs);
    }
  });
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
      if (!(e instanceof Cancelled)) {
        show(id, verb, log, e);
      }
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
