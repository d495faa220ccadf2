/**
 * Serves a list of ToolDefs on the SDK's low-level Server. The low-level API (not McpServer) is used
 * so that invalid input becomes the contract's own `isError` result `{ error, details }` naming the
 * field and the limit, instead of the SDK's generic validation text.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv-provider.js';
import { ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { BiltError, isBiltError } from '../../core/errors';
import { excerpt, parseInput } from '../../core/validation';
import { LenientCallToolRequest, paramsProblem } from './callRequest';
import type { AnyTool, ToolExtra } from './tool';

export interface ToolServerOptions {
  name: string;
  version: string;
  instructions?: string;
  /** Diagnostics for unexpected failures (never receives secrets). */
  log?(line: string): void;
  /** Aborts the calls this server answers (a cancellation that reached the engine another way). */
  cancelled?: AbortSignal;
}

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): { type: 'object'; [k: string]: unknown } {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-7',
    io,
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return { ...rest, type: 'object' };
}

export function errorResult(e: BiltError): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: JSON.stringify(e.toBody()) }] };
}

export function okResult(data: unknown): CallToolResult {
  return {
    content: [{ type: 'text', text: JSON.stringify(data) }],
    structuredContent: data as Record<string, unknown>,
  };
}

/** Tools with their JSON schemas computed once (a stateless HTTP server builds a Server per request). */
export class ToolSet {
  readonly byName: ReadonlyMap<string, AnyTool>;
  readonly listed: ReadonlyArray<Record<string, unknown>>;
  constructor(tools: readonly AnyTool[]) {
    this.byName = new Map(tools.map((t) => [t.name, t]));
    this.listed = tools.map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
      inputSchema: jsonSchema(t.input, 'input'),
      outputSchema: jsonSchema(t.output, 'output'),
      annotations: { title: t.title, ...t.annotations },
    }));
  }
}

/**
 * One JSON Schema validator for every Server this process makes: the SDK would build an Ajv per Server
 * (about 0.8 ms), and the engine makes one per HTTP request (mcpRoute.ts). Created on first use.
 */
let sharedValidator: AjvJsonSchemaValidator | undefined;

export function createToolServer(options: ToolServerOptions, tools: ToolSet | readonly AnyTool[]): Server {
  const set = tools instanceof ToolSet ? tools : new ToolSet(tools);
  const { byName, listed } = set;
  const server = new Server(
    { name: options.name, version: options.version },
    {
      capabilities: { tools: { listChanged: false } },
      jsonSchemaValidator: (sharedValidator ??= new AjvJsonSchemaValidator()),
      ...(options.instructions ? { instructions: options.instructions } : {}),
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: listed as never }));
  server.setRequestHandler(LenientCallToolRequest, async (request, rawExtra) => {
    const problem = paramsProblem(request.params);
    if (problem) {
      throw new McpError(ErrorCode.InvalidParams, `Invalid params: ${problem}`);
    }
    const { name } = request.params;
    const tool = byName.get(name);
    if (!tool) {
      const shown = /^[\w.-]{1,64}$/.test(name) ? name : excerpt(name); // never echo a huge name whole
      throw new McpError(ErrorCode.InvalidParams, `Unknown tool ${shown}; available: ${[...byName.keys()].join(', ')}`);
    }
    const token = request.params._meta?.progressToken;
    const signal = options.cancelled ? AbortSignal.any([rawExtra.signal, options.cancelled]) : rawExtra.signal;
    const extra: ToolExtra = {
      signal,
      progress: async (p) => {
        if (token === undefined || signal.aborted) {
          return;
        }
        await rawExtra
          .sendNotification({ method: 'notifications/progress', params: { progressToken: token, ...p } })
          .catch(() => undefined);
      },
    };
    try {
      const input = parseInput(tool.input, request.params.arguments);
      const output = await tool.handler(input, extra);
      const checked = tool.output.safeParse(output);
      if (!checked.success) {
        options.log?.(`tool ${tool.name} produced output that does not match its schema: ${checked.error.message}`);
        return errorResult(
          new BiltError('internal', 'Internal error', { message: `${tool.name} produced an invalid result` }),
        );
      }
      return okResult(checked.data);
    } catch (e) {
      if (isBiltError(e)) {
        return errorResult(e);
      }
      options.log?.(`tool ${tool.name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return errorResult(
        new BiltError('internal', 'Internal error', { message: e instanceof Error ? e.message : String(e) }),
      );
    }
  });
  return server;
}
