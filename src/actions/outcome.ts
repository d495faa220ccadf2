/**
 * What an action comes back with. Every entry point (a command, an agent tool, the chat participant)
 * presents these four and nothing else: it never decides an action itself.
 */
import { BiltError, isBiltError } from '../core/errors';

/** It was done; `value` holds the ids and state the caller needs. */
export interface Done<T> {
  kind: 'done';
  value: T;
}

/**
 * It was not done, and why: `error` carries the code, the field and the limit exactly as the engine
 * words them (programs match on `error.code` and `error.details`); `reason` is the sentence for people.
 */
export interface Refused {
  kind: 'refused';
  error: BiltError;
  reason: string;
}

/** It may be done once a person agrees: the question to ask. `quote` is the person's text it acts on. */
export interface NeedsConfirmation {
  kind: 'confirm';
  title: string;
  message: string;
  quote?: string;
  destructive: boolean;
}

/** The caller stopped it (its AbortSignal) before it was done. */
export interface Aborted {
  kind: 'aborted';
}

export type Outcome<T> = Done<T> | Refused | NeedsConfirmation | Aborted;

export const done = <T>(value: T): Done<T> => ({ kind: 'done', value });
export const aborted: Aborted = { kind: 'aborted' };

export function refused(error: BiltError): Refused {
  return { kind: 'refused', error, reason: reasonOf(error) };
}

/** "Cannot cancel workflow: Workflow has already completed (retry in 30 s)". */
export function reasonOf(e: unknown): string {
  if (!isBiltError(e)) {
    return e instanceof Error ? e.message : String(e);
  }
  const specific = e.details['message'];
  const detail = typeof specific === 'string' && specific !== e.message ? `: ${specific}` : '';
  const retry = e.retryAfterSeconds !== undefined ? ` (retry in ${e.retryAfterSeconds} s)` : '';
  return `${e.message}${detail}${retry}`;
}

/**
 * Runs an action's body: a BiltError it throws (a rule, a limit, a server's refusal) becomes Refused,
 * and anything thrown after the signal fired becomes Aborted. Other errors are defects and propagate.
 */
export async function settle<T>(signal: AbortSignal | undefined, body: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  if (signal?.aborted) {
    return aborted;
  }
  try {
    const outcome = await body();
    return signal?.aborted && outcome.kind !== 'done' ? aborted : outcome;
  } catch (e) {
    if (signal?.aborted) {
      return aborted;
    }
    if (isBiltError(e)) {
      return refused(e);
    }
    throw e;
  }
}

/** The same outcome with its done value turned into another (the others pass through). */
export async function mapDone<T, U>(outcome: Outcome<T>, f: (value: T) => U | Promise<U>): Promise<Outcome<U>> {
  return outcome.kind === 'done' ? done(await f(outcome.value)) : outcome;
}
