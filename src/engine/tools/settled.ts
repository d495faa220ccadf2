/**
 * Every engine tool answers only once what it read is durable: state is applied in memory before its
 * log record is on disk, so without this a client could be shown a change that a crash then loses.
 * With group commit the extra wait is at most one flush.
 */
import type { AnyTool } from '../../mcp/kit/tool';
import type { EngineService } from '../service/engineService';

export const answerWhenSettled = (svc: EngineService, tools: AnyTool[]): AnyTool[] =>
  tools.map((t) => ({
    ...t,
    handler: async (input, extra) => {
      const out = await t.handler(input, extra);
      await svc.settled();
      return out;
    },
  }));
