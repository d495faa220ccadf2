/** Which contract a server speaks, read from its tools/list. */
import { BiltError } from '../../core/errors';
import type { BackendKind } from '../backend';
import type { ToolInfo } from '../mcp/connection';

export interface Detected {
  kind: BackendKind;
  /** Live only: bilt_get_messages takes limit/offset. */
  paginates: boolean;
}

export function detectContract(tools: ToolInfo[], url: string): Detected {
  const byName = new Map(tools.map((t) => [t.name, t]));
  const send = byName.get('bilt_send_message');
  const props = Object.keys(send?.inputSchema.properties ?? {});
  if (send && props.includes('session_id')) {
    return { kind: 'mcp-seed', paginates: true };
  }
  if (send && props.includes('projectId')) {
    const msgProps = Object.keys(byName.get('bilt_get_messages')?.inputSchema.properties ?? {});
    return { kind: 'mcp-live', paginates: msgProps.includes('limit') };
  }
  throw new BiltError('unsupported', `${url} is not a Bilt-compatible MCP server`, {
    message: send
      ? `bilt_send_message takes neither session_id (seed contract) nor projectId (live contract): ${props.join(', ') || 'no parameters'}`
      : `it has no bilt_send_message tool (tools: ${[...byName.keys()].join(', ') || 'none'})`,
  });
}
