/** The bridge as an MCP server: the 8 seed tools over whatever upstream, with hints and reconnection. */
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { isBiltError } from '../../core/errors';
import { VERSION } from '../../core/version';
import type { AnyTool } from '../kit/tool';
import { createToolServer } from '../kit/toolServer';
import { SessionDirectory, type BridgeContext, type UpstreamClient } from './context';
import { IdMap, withSeedIds } from './gatewayIds';
import { bridgeTools } from './tools/index';

export const BRIDGE_INSTRUCTIONS =
  'Bilt builds and deploys apps from natural-language instructions. Typical flow: bilt_list_projects (or ' +
  'bilt_create_project) → bilt_get_session with the project_id → bilt_send_message with the session_id → watch ' +
  'with bilt_get_session (every few seconds) or wait_for_response=true → read bilt_get_messages for results and the ' +
  'deployment URL. If a workflow pauses with questions, ask the user and answer with bilt_resume_workflow.';

/** What the server needs of its upstream (an Upstream; tests pass fakes). */
export interface UpstreamSource {
  client(signal?: AbortSignal): Promise<UpstreamClient>;
  noteFailure(e: unknown): void;
  /** Connecting afresh finds a lost upstream again (the local engine). */
  readonly reconnects: boolean;
  reset(): Promise<void>;
}

/**
 * Whether a call that failed may be made once more on the upstream found again: only when the
 * connection failed, and only when repeating it cannot do a thing twice (a tool that only reads, or a
 * request refused before it was sent).
 */
function retryable(tool: AnyTool, e: unknown, upstream: UpstreamSource): boolean {
  return (
    upstream.reconnects &&
    isBiltError(e) &&
    e.code === 'unavailable' &&
    (tool.annotations.readOnlyHint === true || e.details['sent'] === false)
  );
}

export function createBridgeServer(
  upstream: UpstreamSource,
  o: { waitTimeoutMs: number; log(line: string): void; readOnly?: boolean },
): Server {
  const ids = new IdMap();
  const ctx: BridgeContext = {
    client: async (s) => withSeedIds(await upstream.client(s), ids),
    sessions: new SessionDirectory(),
    waitTimeoutMs: o.waitTimeoutMs,
    reconnects: upstream.reconnects,
    reset: () => upstream.reset(),
    log: o.log,
  };
  const offered = bridgeTools(ctx).filter((t) => !o.readOnly || t.annotations.readOnlyHint === true);
  const tools: AnyTool[] = offered.map((t) => ({
    ...t,
    handler: async (input, extra) => {
      try {
        return await t.handler(input, extra);
      } catch (e) {
        upstream.noteFailure(e);
        if (extra.signal.aborted || !retryable(t, e, upstream)) {
          throw e;
        }
        o.log(`${t.name}: ${e instanceof Error ? e.message : String(e)}; once more on the engine found again`);
        await upstream.reset();
        try {
          return await t.handler(input, extra);
        } catch (again) {
          upstream.noteFailure(again);
          throw again;
        }
      }
    },
  }));
  return createToolServer({ name: 'bilt', version: VERSION, instructions: BRIDGE_INSTRUCTIONS, log: o.log }, tools);
}
