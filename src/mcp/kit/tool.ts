/**
 * A tool as this project serves it: its spec from src/core/contract (name, texts, zod schemas, annotations:
 * written once) and a handler that returns plain data or throws a BiltError.
 * One tool per file, in the engine and in the bridge alike.
 */
import type { z } from 'zod';
import type { ToolSpec } from '../../core/contract/tool';
import { BiltError, isBiltError } from '../../core/errors';

export type { ToolAnnotations } from '../../core/contract/tool';

export interface ProgressReport {
  progress: number;
  total?: number;
  message?: string;
}

export interface ToolExtra {
  /** Aborted when the client cancels the call or goes away. */
  signal: AbortSignal;
  /** Sends notifications/progress when the client asked for it (a progressToken); a no-op otherwise. */
  progress(p: ProgressReport): Promise<void>;
}

export interface ToolDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> extends ToolSpec<I, O> {
  handler(input: z.output<I>, extra: ToolExtra): Promise<z.input<O>>;
}

/** Keeps the handler's types tied to its schemas. */
export function defineTool<I extends z.ZodType, O extends z.ZodType>(def: ToolDef<I, O>): ToolDef<I, O> {
  return def;
}

export type AnyTool = ToolDef<z.ZodType, z.ZodType>;

/** Every tool's refusals passed through `rewrite` (e.g. to add a hint, or to speak a contract's words). */
export function mapToolErrors(tools: AnyTool[], rewrite: (e: BiltError) => BiltError): AnyTool[] {
  return tools.map((t) => ({
    ...t,
    handler: async (input, extra) => {
      try {
        return await t.handler(input, extra);
      } catch (e) {
        throw isBiltError(e) ? rewrite(e) : e;
      }
    },
  }));
}

/** The same error with some details replaced (the code stays the error's own). */
export function withDetails(e: BiltError, details: Record<string, unknown>): BiltError {
  const { code: _code, ...rest } = e.toBody().details;
  return new BiltError(e.code, e.message, { ...rest, ...details });
}
