/** An SDK MCP client for tests, with calls that return structuredContent or the `{error, details}` body. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export interface ToolError {
  error: string;
  details: Record<string, unknown>;
}

export class TestMcp {
  private constructor(readonly client: Client) {}

  static async connect(url: string, token: string): Promise<TestMcp> {
    const client = new Client({ name: 'bilt-tests', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), {
        requestInit: { headers: { authorization: `Bearer ${token}` } },
      }),
    );
    return new TestMcp(client);
  }

  async call<T = Record<string, unknown>>(name: string, args: Record<string, unknown> = {}): Promise<T> {
    const r = await this.client.callTool({ name, arguments: args });
    if (r.isError) {
      throw new Error(`${name} failed: ${JSON.stringify(r.content)}`);
    }
    return r.structuredContent as T;
  }

  async callError(name: string, args: Record<string, unknown> = {}): Promise<ToolError> {
    const r = await this.client.callTool({ name, arguments: args });
    if (!r.isError) {
      throw new Error(`${name} succeeded but was expected to fail: ${JSON.stringify(r.structuredContent)}`);
    }
    const text = (r.content as Array<{ type: string; text: string }>)[0]!.text;
    return JSON.parse(text) as ToolError;
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
