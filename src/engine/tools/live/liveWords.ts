/**
 * The service speaks the domain's status words; a live client must read its own (`queued`, `error`).
 * Every live tool's refusal is translated here, once.
 */
import { BiltError, isBiltError } from '../../../core/errors';
import { LIVE_STATUS, type WorkflowStatus } from '../../../core/status';
import type { AnyTool } from '../../../mcp/kit/tool';

function translate(e: BiltError): BiltError {
  const s = e.details.current_status;
  if (typeof s !== 'string' || !(s in LIVE_STATUS)) return e;
  const { code: _code, ...details } = e.toBody().details;
  return new BiltError(e.code, e.message, { ...details, current_status: LIVE_STATUS[s as WorkflowStatus] });
}

export const inLiveWords = (tools: AnyTool[]): AnyTool[] =>
  tools.map((t) => ({
    ...t,
    handler: async (input, extra) => {
      try {
        return await t.handler(input, extra);
      } catch (e) {
        throw isBiltError(e) ? translate(e) : e;
      }
    },
  }));
