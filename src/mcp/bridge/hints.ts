/**
 * Upstream refusals, passed on with a hint an agent can act on (when to retry, what to do instead).
 * Applied once to every bridge tool.
 */
import type { BiltError } from '../../core/errors';
import { mapToolErrors, withDetails, type AnyTool } from '../kit/tool';

function hint(e: BiltError): string | undefined {
  switch (e.code) {
    case 'rate_limited': {
      const s = e.retryAfterSeconds;
      return s !== undefined
        ? `Rate limited: wait ${s} seconds, then retry.`
        : 'Rate limited: wait about a minute, then retry.';
    }
    case 'conflict':
      return e.message.includes('in progress')
        ? 'A workflow is already running in this session: poll bilt_get_session every few seconds until it ends (or pauses), or cancel it with bilt_cancel_workflow, then send again.'
        : undefined;
    case 'illegal_state':
      return 'Check the workflow status with bilt_get_session before retrying.';
    case 'unauthorized':
      return 'The Bilt token is missing or invalid: the user must sign in again (in VS Code: "Bilt: Sign In") or set BILT_TOKEN.';
    case 'unavailable':
      return 'The Bilt server cannot be reached right now; retry in a little while.';
    case 'unsupported':
      return undefined;
    default:
      return undefined;
  }
}

export const withHints = (tools: AnyTool[]): AnyTool[] =>
  mapToolErrors(tools, (e) => {
    const h = hint(e);
    return h && !e.details['hint'] ? withDetails(e, { hint: h }) : e;
  });
