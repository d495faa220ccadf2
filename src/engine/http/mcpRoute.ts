/**
 * MCP over Streamable HTTP, stateless: each POST gets its own SDK Server and transport, so nothing is
 * kept between requests and any number of clients can call at once. Responses may stream (SSE) so a
 * blocking call can send progress notifications before its result.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createToolServer, type ToolServerOptions, type ToolSet } from '../../mcp/kit/toolServer';
import { sendError } from './respond';

export async function handleMcp(
  req: IncomingMessage,
  res: ServerResponse,
  body: unknown,
  tools: ToolSet,
  options: ToolServerOptions,
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
  const server = createToolServer(options, tools);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res, body);
}
