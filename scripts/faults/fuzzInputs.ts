/**
 * Inputs generated from the contracts' zod schemas (through their JSON Schema): a valid value for
 * every field (ids from a pool of real ones, so calls reach the engine's rules, not only validation),
 * then one mutation: a field of the wrong type, an odd string or number, deep nesting, an unknown
 * field, a required field left out, or the whole input replaced.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ODD_SHAPES, ODD_STRINGS, ODD_VALUES, ODD_NUMBERS, Raw, type Rng } from './fuzzValues';

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/** Ids of things that exist, so that valid-looking calls reach sessions, projects and workflows. */
export interface IdPool {
  projects: string[];
  sessions: string[];
  workflows: string[];
}

export const jsonSchemaOf = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

function idFor(field: string, rng: Rng, pool: IdPool): string {
  const known = /project/i.test(field) ? pool.projects : /workflow/i.test(field) ? pool.workflows : pool.sessions;
  return rng.chance(0.8) && known.length > 0 ? rng.pick(known) : randomUUID();
}

const MESSAGES = ['Build a todo app', 'lines=20', 'Add a login page', 'Make it blue', 'ok'];

export function validValue(field: string, s: JsonSchema, rng: Rng, pool: IdPool): unknown {
  if (s.enum) {
    return rng.pick(s.enum);
  }
  switch (s.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, sub] of Object.entries(s.properties ?? {})) {
        if (s.required?.includes(k) || rng.chance(0.5)) {
          out[k] = validValue(k, sub, rng, pool);
        }
      }
      return out;
    }
    case 'array':
      return Array.from({ length: 1 + rng.int(2) }, () => validValue(field, s.items ?? {}, rng, pool));
    case 'integer':
    case 'number': {
      const min = s.minimum ?? 0;
      const max = Math.min(s.maximum ?? min + 100, min + 100);
      return min + rng.int(max - min + 1);
    }
    case 'boolean':
      return rng.chance(0.5);
    case 'string':
      if (s.format === 'uuid') {
        return idFor(field, rng, pool);
      }
      if (s.pattern === '^[A-Za-z0-9_-]+$') {
        return `fuzz-${rng.int(1e9)}`;
      }
      if (field === 'answers') {
        return JSON.stringify([
          { questionIndex: 0, selectedOptions: ['Blue'] },
          { questionIndex: 1, text: 'no' },
        ]);
      }
      return /agent/.test(field) ? rng.pick(['EMULATOR', 'emulator', 'COMMAND', 'nope']) : rng.pick(MESSAGES);
    default:
      return rng.pick(ODD_VALUES);
  }
}

/** An odd value that fits badly where `s` is expected. */
function oddFor(s: JsonSchema, rng: Rng): unknown {
  if (s.type === 'string' && rng.chance(0.5)) {
    return rng.pick(ODD_STRINGS);
  }
  if ((s.type === 'integer' || s.type === 'number') && rng.chance(0.5)) {
    return rng.pick(ODD_NUMBERS);
  }
  return rng.chance(0.3) ? rng.pick(ODD_SHAPES) : rng.pick(ODD_VALUES);
}

const describeValue = (v: unknown) =>
  v instanceof Raw ? v.label : typeof v === 'string' ? `string(${v.length})` : JSON.stringify(v)?.slice(0, 30);

/** A valid input for the schema with one mutation; `mutation` says which. */
export function fuzzInput(s: JsonSchema, rng: Rng, pool: IdPool): { input: unknown; mutation: string } {
  const input = validValue('(input)', s, rng, pool) as Record<string, unknown>;
  const fields = Object.keys(s.properties ?? {});
  const roll = rng.int(10);
  if (roll === 0) {
    return { input, mutation: 'none (valid)' };
  }
  if (roll <= 5 && fields.length > 0) {
    const field = rng.pick(fields);
    const odd = oddFor(s.properties![field]!, rng);
    return { input: { ...input, [field]: odd }, mutation: `${field} = ${describeValue(odd)}` };
  }
  if (roll === 6) {
    const name = rng.pick(['extra', 'sessionId', '__proto__', 'x'.repeat(300), '']);
    return { input: { ...input, [name]: rng.pick(ODD_VALUES) }, mutation: `unknown field ${name.slice(0, 20)}` };
  }
  if (roll === 7 && s.required?.length) {
    const field = rng.pick(s.required);
    const { [field]: _left, ...rest } = input;
    return { input: rest, mutation: `missing ${field}` };
  }
  if (roll === 8) {
    const all = Object.fromEntries(fields.map((f) => [f, oddFor(s.properties![f]!, rng)]));
    return { input: all, mutation: 'every field odd' };
  }
  const whole = rng.pick(ODD_VALUES);
  return { input: whole, mutation: `the input is ${describeValue(whole)}` };
}
