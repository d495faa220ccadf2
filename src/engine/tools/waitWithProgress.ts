/** wait_for_response for both contracts: blocks on the workflow and forwards its progress as MCP progress. */
import type { ToolExtra } from '../../mcp/kit/tool';
import type { EngineService } from '../service/engineService';
import type { WaitResult } from '../service/waiter';

export function waitWithProgress(svc: EngineService, workflowId: string, extra: ToolExtra): Promise<WaitResult> {
  let last = -1;
  return svc.wait(workflowId, {
    signal: extra.signal,
    onUpdate: (w) => {
      const pct = w.progress?.percentage ?? 0;
      // progress must increase with each notification (MCP); equal or lower values are skipped
      if (pct <= last) {
        return;
      }
      last = pct;
      void extra.progress({ progress: pct, total: 100, message: w.progress?.currentStep ?? w.status });
    },
  });
}
