/**
 * MCP over Streamable HTTP, stateless: each POST gets its own SDK Server and transport, so nothing is
 * kept between requests and any number of clients can call at once. Responses may stream (SSE) so a
 * blocking call can send progress notifications before its result. Cancellations reach their call
 * through the engine's table of calls in progress (mcpCalls.ts): initialize hands the client a key.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createToolServer, type ToolServerOptions, type ToolSet } from '../../mcp/kit/toolServer';
import type { McpCalls } from './mcpCalls';
import { sendError } from './respond';

const CLIENT_KEY_HEADER = 'mcp-session-id';
/** A key the engine handed out (a UUID); anything else is ignored. */
const CLIENT_KEY = /^[0-9a-f-]{36}$/;

interface RpcMessage {
  id?: unknown;
  method?: unknown;
  params?: { requestId?: unknown; reason?: unknown };
}

const messagesOf = (body: unknown): RpcMessage[] =>
  (Array.isArray(body) ? body : [body]).filter((m): m is RpcMessage => typeof m === 'object' && m !== null);

export async function handleMcp(
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  tools: ToolSet,
  options: ToolServerOptions,
  calls: McpCalls,
): Promise<void> {
  if (req.method !== 'POST') {
    // stateless server: no standalone SSE stream (GET) and no session to delete (DELETE)
    sendError(
      res,
      405,
      'Method not allowed',
      { message: 'Use POST for MCP requests on this endpoint' },
      { allow: 'POST' },
    );
    return;
  }
  const messages = messagesOf(body);
  const given = req.headers[CLIENT_KEY_HEADER];
  const clientKey = typeof given === 'string' && CLIENT_KEY.test(given) ? given : undefined;
  if (messages.some((m) => m.method === 'initialize')) {
    res.setHeader(CLIENT_KEY_HEADER, randomUUID());
  }
  for (const m of messages) {
    if (m.method === 'notifications/cancelled' && clientKey !== undefined) {
      calls.cancel(clientKey, m.params?.requestId, m.params?.reason);
    }
  }
  const requestIds = messages.filter((m) => typeof m.method === 'string' && m.id !== undefined).map((m) => m.id);
  const call = calls.begin(clientKey, requestIds);
  const server = createToolServer({ ...options, cancelled: call.signal }, tools);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    call.end();
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
}
