/** Parsing a server's answer: a mismatch is a clear protocol error naming the tool and the field. */
import type { z } from 'zod';
import { BiltError } from '../../core/errors';
import { issuesOf } from '../../core/validation';

export function parseAnswer<T extends z.ZodType>(tool: string, schema: T, value: unknown): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) {
    return r.data;
  }
  const issues = issuesOf(r.error);
  const first = issues[0];
  throw new BiltError('protocol', `Unexpected response from ${tool}`, {
    tool,
    field: first?.field,
    message: `${tool} answered something this client does not understand: ${first ? `${first.field}: ${first.message}` : 'invalid'}`,
    issues,
  });
}
