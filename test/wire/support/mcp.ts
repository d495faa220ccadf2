/**
 * The official MCP SDK client against the engine's two contracts. `call` returns structuredContent
 * (after checking the text copy says the same) or throws the contract's `{error, details}` body;
 * `callError` asserts the call failed with isError and returns that body.
 */
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult, Progress, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { LiveOutput, LiveToolName } from '../../../src/core/contract/live';
import type { SeedOutput, SeedToolName } from '../../../src/core/contract/seed';
import type { Ready } from './engine';

export interface ErrorBody {
  error: string;
  details: Record<string, unknown> & { code?: string; field?: string; message?: string };
}

export class ToolCallError extends Error {
  constructor(
    readonly tool: string,
    readonly body: ErrorBody,
  ) {
    super(`${tool} failed: ${JSON.stringify(body)}`);
  }
}

export interface CallOptions {
  onprogress?: (p: Progress) => void;
  timeout?: number;
}

type Outputs<N extends string> = { [K in N]: unknown };

function textOf(result: CallToolResult): string {
  const first = result.content[0];
  assert.ok(first && first.type === 'text', `expected a text content block, got ${JSON.stringify(result.content)}`);
  return first.text;
}

export class ToolClient<N extends string, O extends Outputs<N>> {
  private constructor(
    readonly client: Client,
    readonly tools: Tool[],
  ) {}

  static async connect<N extends string, O extends Outputs<N>>(url: string, token: string): Promise<ToolClient<N, O>> {
    const client = new Client({ name: 'bilt-wire-tests', version: '0.0.0' });
    const transport = new StreamableHTTPClientTransport(new URL(url), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    });
    await client.connect(transport);
    // listing once also makes the SDK validate every structuredContent against the tool's outputSchema
    const { tools } = await client.listTools();
    return new ToolClient<N, O>(client, tools);
  }

  async raw(name: N, args: Record<string, unknown> = {}, options: CallOptions = {}): Promise<CallToolResult> {
    const { onprogress, timeout } = options;
    return (await this.client.callTool({ name, arguments: args }, undefined, {
      ...(onprogress ? { onprogress } : {}),
      timeout: timeout ?? 30_000,
    })) as CallToolResult;
  }

  async call<K extends N>(name: K, args: Record<string, unknown> = {}, options: CallOptions = {}): Promise<O[K]> {
    const result = await this.raw(name, args, options);
    const text = textOf(result);
    if (result.isError) {
      throw new ToolCallError(name, JSON.parse(text) as ErrorBody);
    }
    assert.ok(result.structuredContent, `${name} returned no structuredContent`);
    assert.deepEqual(
      JSON.parse(text),
      result.structuredContent,
      `${name}: the text copy differs from structuredContent`,
    );
    return result.structuredContent as O[K];
  }

  async callError(name: N, args: Record<string, unknown> = {}): Promise<ErrorBody> {
    const result = await this.raw(name, args);
    assert.equal(
      result.isError,
      true,
      `${name} was expected to fail but returned ${JSON.stringify(result.structuredContent)}`,
    );
    assert.equal(result.structuredContent, undefined, `${name}: an error carries no structuredContent`);
    const body = JSON.parse(textOf(result)) as ErrorBody;
    assert.equal(typeof body.error, 'string');
    assert.equal(typeof body.details, 'object');
    return body;
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

export type SeedClient = ToolClient<SeedToolName, { [K in SeedToolName]: SeedOutput<K> }>;
export type LiveClient = ToolClient<LiveToolName, { [K in LiveToolName]: LiveOutput<K> }>;

export const connectSeed = (r: Ready): Promise<SeedClient> => ToolClient.connect(r.mcpUrl, r.token);
export const connectLive = (r: Ready): Promise<LiveClient> => ToolClient.connect(r.liveMcpUrl, r.token);
