/**
 * The SDK Transport the full bridge server runs on: the stdio front (src/bridge.ts) owns stdin/stdout
 * and hands every parsed JSON-RPC message in here; what the server sends goes back out through it.
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { JSONRPCMessageSchema, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

export class LineTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  constructor(private readonly write: (message: JSONRPCMessage) => void) {}

  async start(): Promise<void> {}

  async send(message: JSONRPCMessage): Promise<void> {
    this.write(message);
  }

  /** A message from the client; validated with the SDK's own schema. */
  receive(raw: unknown): void {
    const parsed = JSONRPCMessageSchema.safeParse(raw);
    if (parsed.success) {
      this.onmessage?.(parsed.data);
    } else {
      this.onerror?.(new Error(`not a JSON-RPC message: ${parsed.error.message}`));
    }
  }

  async close(): Promise<void> {
    this.onclose?.();
  }
}
