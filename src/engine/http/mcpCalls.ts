/**
 * The MCP calls the engine is answering, so that a cancellation can reach its call. Every POST gets
 * its own stateless SDK server, so a `notifications/cancelled` arriving in a later POST would find
 * nothing to cancel. The engine hands each client a key at initialize (the Mcp-Session-Id header,
 * which clients send back on every request; it is only a correlation key: requests without it are
 * served as before) and files each in-flight call under (key, JSON-RPC id); a cancellation with the
 * same key aborts that call's signal, which reaches the tool (a wait then ends at once). Calls from
 * clients without a key can only be freed by closing the connection (the SDK aborts them then).
 */
export class McpCalls {
  private readonly inFlight = new Map<string, AbortController>();
  private answering = 0;

  /** Calls being answered now (keyed or not). */
  get size(): number {
    return this.answering;
  }

  /** A POST's calls begin; returns the signal their tools get and the function that ends them. */
  begin(clientKey: string | undefined, requestIds: unknown[]): { signal: AbortSignal; end(): void } {
    const controller = new AbortController();
    const keys = clientKey === undefined ? [] : requestIds.map((id) => keyOf(clientKey, id));
    for (const k of keys) {
      this.inFlight.set(k, controller);
    }
    this.answering++;
    let ended = false;
    return {
      signal: controller.signal,
      end: () => {
        if (ended) {
          return;
        }
        ended = true;
        this.answering--;
        for (const k of keys) {
          if (this.inFlight.get(k) === controller) {
            this.inFlight.delete(k);
          }
        }
      },
    };
  }

  /** A client cancelled one of its calls. */
  cancel(clientKey: string, requestId: unknown, reason: unknown): void {
    this.inFlight.get(keyOf(clientKey, requestId))?.abort(reason);
  }
}

const keyOf = (clientKey: string, requestId: unknown) => `${clientKey}\u0000${JSON.stringify(requestId)}`;
