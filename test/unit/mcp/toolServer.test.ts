/** The shared tool server answers malformed tools/call params as JSON-RPC InvalidParams naming the field. */
import assert from 'node:assert/strict';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { createToolServer } from '../../../src/mcp/kit/toolServer';
import { defineTool, type AnyTool } from '../../../src/mcp/kit/tool';

const echo = defineTool({
  name: 'echo',
  title: 'Echo',
  description: 'Echoes its text',
  input: z.strictObject({ text: z.string().optional() }),
  output: z.object({ text: z.string() }),
  annotations: { readOnlyHint: true },
  handler: async ({ text }) => ({ text: text ?? '' }),
}) as unknown as AnyTool;

/** Sends raw JSON-RPC requests to a tool server and returns each answer. */
async function rawServer() {
  const server = createToolServer({ name: 'test', version: '1' }, [echo]);
  const [serverSide, clientSide] = InMemoryTransport.createLinkedPair();
  const answers = new Map<unknown, JSONRPCMessage>();
  const waiting = new Map<unknown, (m: JSONRPCMessage) => void>();
  clientSide.onmessage = (m) => {
    const id = (m as { id?: unknown }).id;
    answers.set(id, m);
    waiting.get(id)?.(m);
  };
  await server.connect(serverSide);
  await clientSide.start();
  let next = 1;
  const ask = (method: string, params: unknown): Promise<JSONRPCMessage> => {
    const id = next++;
    const answered = new Promise<JSONRPCMessage>((resolve) => waiting.set(id, resolve));
    void clientSide.send({ jsonrpc: '2.0', id, method, params } as JSONRPCMessage);
    return answered;
  };
  await ask('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } });
  return { ask, close: () => server.close() };
}

describe('mcp/kit toolServer: malformed tools/call params', () => {
  it('arguments that is not an object is -32602 naming arguments, not -32603 with a validation dump', async () => {
    const s = await rawServer();
    for (const [args, kind] of [
      ['hello', '"hello"'],
      [[1, 2], 'array'],
      [42, '42'],
      [null, 'null'],
    ] as const) {
      const answer = (await s.ask('tools/call', { name: 'echo', arguments: args })) as {
        error?: { code: number; message: string };
      };
      assert.equal(answer.error?.code, -32602, JSON.stringify(answer));
      assert.ok(answer.error!.message.endsWith(`arguments must be an object (got ${kind})`), answer.error!.message);
      assert.doesNotMatch(answer.error!.message, /"code"|\n/, 'no raw validation dump');
    }
    const noName = (await s.ask('tools/call', { arguments: {} })) as { error?: { code: number; message: string } };
    assert.equal(noName.error?.code, -32602);
    assert.match(noName.error!.message, /name must be a string/);
    const huge = (await s.ask('tools/call', { name: 'x'.repeat(100_000), arguments: {} })) as {
      error?: { code: number; message: string };
    };
    assert.equal(huge.error?.code, -32602);
    assert.ok(huge.error!.message.length < 300, `an unknown name is quoted short: ${huge.error!.message.length}`);
    const ok = (await s.ask('tools/call', { name: 'echo', arguments: { text: 'hi' } })) as {
      result?: { structuredContent?: unknown };
    };
    assert.deepEqual(ok.result?.structuredContent, { text: 'hi' });
    await s.close();
  });
});
