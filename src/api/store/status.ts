/** Failures as a server's state, and which failures belong to the server rather than to one project. */
import { BiltError, isBiltError } from '../../core/errors';
import type { RequestBudget } from '../http/budget';
import { asBiltError } from '../watch/state';
import { isSignedOut, signedOut, type ServerState } from './types';

/** Errors that say something about the whole server (stop or pause it), not about one project's session. */
export function isServerWide(e: unknown): boolean {
  return !isBiltError(e) || ['unauthorized', 'rate_limited', 'unavailable', 'forbidden', 'protocol'].includes(e.code);
}

/** No retry until the user acts (signs in, edits the server, presses refresh). */
export function needsUser(s: ServerState): boolean {
  return s.state === 'signed-out' || s.state === 'unauthorized';
}

/**
 * The state a failure puts the server in. `backoffMs` is the wait the caller would retry after; a
 * rate limit waits at least as long as the server asked (retry_after) or the shared budget is paused.
 */
export function failureState(e: unknown, now: number, backoffMs: number, budget?: RequestBudget): ServerState {
  if (isSignedOut(e)) {
    return { state: 'signed-out' };
  }
  const error: BiltError = asBiltError(e);
  const retryAt = now + backoffMs;
  switch (error.code) {
    case 'unauthorized':
      return { state: 'unauthorized', error };
    case 'rate_limited': {
      const told = error.retryAfterSeconds !== undefined ? now + error.retryAfterSeconds * 1000 : 0;
      return { state: 'rate-limited', retryAt: Math.max(told, budget?.pausedUntilTime ?? 0) || retryAt };
    }
    case 'unavailable':
      return { state: 'unreachable', error, retryAt };
    default:
      return { state: 'error', error, retryAt };
  }
}

/** When a failed server is tried again (undefined: not before the user acts). */
export function retryAtOf(s: ServerState): number | undefined {
  return 'retryAt' in s ? s.retryAt : undefined;
}

/** Why a server cannot answer now, for a caller that needs it to (loadSession before it connected). */
export function errorOfState(s: ServerState, now: number, label: string): BiltError {
  if (s.state === 'signed-out') {
    return signedOut();
  }
  if (s.state === 'rate-limited') {
    return new BiltError('rate_limited', 'Rate limit exceeded', { retry_after: Math.ceil((s.retryAt - now) / 1000) });
  }
  if ('error' in s) {
    return s.error;
  }
  return new BiltError('unavailable', `Not connected to ${label} yet`);
}
