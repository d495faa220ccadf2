/**
 * A server that dies (or a proxy that cuts the connection) while it streams a call's answer (SSE)
 * leaves the MCP SDK's call waiting for its timeout, 2 or 15 minutes here: its transport only reports
 * the broken stream to onerror. This fetch ends such a stream with a JSON-RPC error for that call
 * (ConnectionClosed), so the call fails at once as `unavailable` (src/api/mcp/errors.ts). A stream the
 * caller aborted is left alone.
 */
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import type { FetchLike } from '../http/resilientFetch';

/** The id of a single JSON-RPC request in a body (undefined for notifications, batches, anything else). */
function requestIdOf(body: unknown): string | number | undefined {
  if (typeof body !== 'string') {
    return undefined;
  }
  try {
    const m = JSON.parse(body) as { id?: unknown; method?: unknown };
    return typeof m.method === 'string' && (typeof m.id === 'string' || typeof m.id === 'number') ? m.id : undefined;
  } catch {
    return undefined;
  }
}

export function endBrokenStreams(inner: FetchLike): FetchLike {
  return async (url, init) => {
    const res = await inner(url, init);
    const id = requestIdOf(init?.body);
    if (id === undefined || !res.body || !res.headers.get('content-type')?.includes('text/event-stream')) {
      return res;
    }
    const reader = res.body.getReader();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            controller.close();
          } else {
            controller.enqueue(value);
          }
        } catch (e) {
          if (init?.signal?.aborted) {
            controller.error(e);
            return;
          }
          const why = e instanceof Error ? e.message : String(e);
          const error = { code: ErrorCode.ConnectionClosed, message: `The answer stream broke (${why})` };
          controller.enqueue(
            encoder.encode(`\n\nevent: message\ndata: ${JSON.stringify({ jsonrpc: '2.0', id, error })}\n\n`),
          );
          controller.close();
        }
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}
