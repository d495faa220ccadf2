/**
 * zod field builders whose errors name the field and the limit, and the conversion of a failed parse
 * into the contract's `Invalid request body` error. Used at every boundary (engine tools, bridge
 * tools, client inputs, UI input boxes).
 */
import { z } from 'zod';
import { BiltError } from './errors';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function typeName(v: unknown): string {
  if (v === null) {
    return 'null';
  }
  if (Array.isArray(v)) {
    return 'array';
  }
  return typeof v;
}

/** How long a quoted excerpt of a refused string may be. */
const EXCERPT_CHARS = 40;

/**
 * What was sent, safe to quote in an error: a string cut to 40 characters (with its length), a number
 * as written, the type name of anything else. Never the whole input: it may be huge or nested too
 * deeply to serialise.
 */
export function excerpt(v: unknown): string {
  if (typeof v === 'string') {
    return v.length <= EXCERPT_CHARS
      ? JSON.stringify(v)
      : `${JSON.stringify(v.slice(0, EXCERPT_CHARS))}… (${v.length} characters)`;
  }
  if (typeof v === 'number' || typeof v === 'boolean') {
    return String(v);
  }
  return typeName(v);
}

/** A string's length; anything else (never turned into a string: it may nest too deeply) counts 0. */
const lengthOf = (v: unknown) => (typeof v === 'string' ? v.length : 0);

export function text(field: string, opts: { min?: number; max?: number; pattern?: RegExp; patternHint?: string } = {}) {
  let s = z.string({
    error: (iss) =>
      iss.input === undefined ? `${field} is required` : `${field} must be a string (got ${typeName(iss.input)})`,
  });
  if (opts.min !== undefined) {
    const min = opts.min;
    s = s.min(min, {
      error: (iss) => `${field} must be at least ${plural(min, 'character')} (got ${lengthOf(iss.input)})`,
    });
  }
  if (opts.max !== undefined) {
    const max = opts.max;
    s = s.max(max, {
      error: (iss) => `${field} must be at most ${plural(max, 'character')} (got ${lengthOf(iss.input)})`,
    });
  }
  if (opts.pattern) {
    s = s.regex(opts.pattern, {
      error: `${field} may contain only ${opts.patternHint ?? `characters matching ${opts.pattern}`}`,
    });
  }
  return s;
}

export function uuid(field: string) {
  return z.uuid({
    error: (iss) =>
      iss.input === undefined ? `${field} is required` : `${field} must be a UUID (got ${excerpt(iss.input)})`,
  });
}

/**
 * A whole number in a range. A fraction, a number beyond the range JSON numbers keep exactly
 * (±2^53 − 1), or Infinity (what `1e999` parses to) is refused with the whole range named.
 */
export function integer(field: string, opts: { min?: number; max?: number } = {}) {
  const range = `from ${opts.min ?? Number.MIN_SAFE_INTEGER} to ${opts.max ?? Number.MAX_SAFE_INTEGER}`;
  const notWhole = (input: unknown) => `${field} must be a whole number ${range} (got ${excerpt(input)})`;
  let n = z
    .number({
      error: (iss) =>
        iss.input === undefined
          ? `${field} is required`
          : typeof iss.input === 'number'
            ? notWhole(iss.input)
            : `${field} must be a number (got ${typeName(iss.input)})`,
    })
    .int({ error: (iss) => notWhole(iss.input), abort: true });
  if (opts.min !== undefined) {
    const min = opts.min;
    n = n.min(min, { error: (iss) => `${field} must be at least ${min} (got ${String(iss.input)})` });
  }
  if (opts.max !== undefined) {
    const max = opts.max;
    n = n.max(max, { error: (iss) => `${field} must be at most ${max} (got ${String(iss.input)})` });
  }
  return n;
}

/** Whether objects or arrays nest more than `maxDepth` levels below `value` (checked without recursion). */
export function nestedDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    if (item.node === null || typeof item.node !== 'object') {
      continue;
    }
    if (item.depth > maxDepth) {
      return true;
    }
    for (const child of Object.values(item.node)) {
      pending.push({ node: child, depth: item.depth + 1 });
    }
  }
  return false;
}

export function bool(field: string) {
  return z.boolean({
    error: (iss) =>
      iss.input === undefined ? `${field} is required` : `${field} must be true or false (got ${typeName(iss.input)})`,
  });
}

/** Limits mentioned in a message such as "at most 5000 characters", for machine-readable details. */
function limitOf(message: string): number | undefined {
  const m = /at (?:most|least) (\d+)/.exec(message);
  return m ? Number(m[1]) : undefined;
}

export interface FieldIssue {
  field: string;
  message: string;
  limit?: number;
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  // an unknown field is usually a misspelt one: name it first, before the "is required" it causes
  const ordered = [...error.issues].sort(
    (a, b) => Number(b.code === 'unrecognized_keys') - Number(a.code === 'unrecognized_keys'),
  );
  return ordered.map((i) => {
    const path = i.code === 'unrecognized_keys' ? [...i.path, i.keys[0]!] : i.path;
    const field = path.length ? path.map(String).join('.') : '(input)';
    let message = i.message;
    if (i.code === 'unrecognized_keys') {
      message = `unknown field${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}`;
    }
    const limit = limitOf(message);
    return limit === undefined ? { field, message } : { field, message, limit };
  });
}

/** The contract's documented shape: `{ error: "Invalid request body", details: { message, field, limit } }`. */
export function invalidInput(error: z.ZodError): BiltError {
  const issues = issuesOf(error);
  const first = issues[0] ?? { field: '(input)', message: 'invalid input' };
  return new BiltError('invalid_input', 'Invalid request body', {
    field: first.field,
    message: first.message,
    ...(first.limit !== undefined ? { limit: first.limit } : {}),
    ...(issues.length > 1 ? { issues } : {}),
  });
}

/** Parses or throws the contract's `Invalid request body` error. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const r = schema.safeParse(input ?? {});
  if (!r.success) {
    throw invalidInput(r.error);
  }
  return r.data;
}
