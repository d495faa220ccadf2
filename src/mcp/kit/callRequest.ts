/**
 * tools/call as the tool server reads it. The SDK checks a request against its own schema first and
 * answers a failure with -32603 and the raw validation text; this schema lets every params through,
 * keeps only the fields the server uses, and remembers what was wrong, so the handler can answer
 * JSON-RPC -32602 (InvalidParams) naming the field instead.
 */
import { z } from 'zod';
import { excerpt } from '../../core/validation';

export interface CallParams {
  name: string;
  arguments: Record<string, unknown>;
  _meta?: { progressToken?: string | number };
}

const problems = new WeakMap<CallParams, string>();

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const kindOf = (v: unknown) => (isRecord(v) ? 'object' : excerpt(v));

function readParams(raw: unknown): CallParams {
  const given = isRecord(raw) ? raw : {};
  const token = isRecord(given['_meta']) ? given['_meta']['progressToken'] : undefined;
  const params: CallParams = {
    name: typeof given['name'] === 'string' ? given['name'] : '',
    arguments: isRecord(given['arguments']) ? given['arguments'] : {},
    ...(typeof token === 'string' || typeof token === 'number' ? { _meta: { progressToken: token } } : {}),
  };
  const problem = !isRecord(raw)
    ? `params must be an object (got ${kindOf(raw)})`
    : typeof given['name'] !== 'string'
      ? `name must be a string (got ${kindOf(given['name'])})`
      : given['arguments'] !== undefined && !isRecord(given['arguments'])
        ? `arguments must be an object (got ${Array.isArray(given['arguments']) ? 'array' : kindOf(given['arguments'])})`
        : given['_meta'] !== undefined && !isRecord(given['_meta'])
          ? `_meta must be an object (got ${kindOf(given['_meta'])})`
          : undefined;
  if (problem) {
    problems.set(params, problem);
  }
  return params;
}

export const LenientCallToolRequest = z.object({
  method: z.literal('tools/call'),
  params: z.unknown().transform(readParams),
});

/** What was wrong with a request's params, if anything. */
export const paramsProblem = (params: CallParams): string | undefined => problems.get(params);
