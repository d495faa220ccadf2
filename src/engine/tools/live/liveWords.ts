/**
 * The service speaks the domain's status words; a live client must read its own (`queued`, `error`).
 * Every live tool's refusal is translated here, once.
 */
import type { BiltError } from '../../../core/errors';
import { LIVE_STATUS, type WorkflowStatus } from '../../../core/status';
import { mapToolErrors, withDetails, type AnyTool } from '../../../mcp/kit/tool';

function translate(e: BiltError): BiltError {
  const s = e.details.current_status;
  return typeof s === 'string' && s in LIVE_STATUS
    ? withDetails(e, { current_status: LIVE_STATUS[s as WorkflowStatus] })
    : e;
}

export const inLiveWords = (tools: AnyTool[]): AnyTool[] => mapToolErrors(tools, translate);
