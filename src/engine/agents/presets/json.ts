/** Reading untyped JSON event lines defensively: every accessor returns undefined for a wrong type. */
export type JsonObject = Record<string, unknown>;

/** The line as a JSON object, or undefined when it is not one (malformed or another JSON value). */
export function parseJsonObject(line: string): JsonObject | undefined {
  try {
    const v: unknown = JSON.parse(line);
    return obj(v);
  } catch {
    return undefined;
  }
}

export const obj = (v: unknown): JsonObject | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined;

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The objects of an array value, skipping anything else. */
export const objects = (v: unknown): JsonObject[] =>
  list(v).flatMap((x) => {
    const o = obj(x);
    return o ? [o] : [];
  });

/** Progress from a to-do list: share of finished items (held below 100 until the run ends) and the next open item. */
export function todoProgress(total: number, done: number, current: string | undefined) {
  if (total === 0) {
    return [];
  }
  const percentage = Math.min(95, Math.round((done / total) * 100));
  const currentStep = current ?? (done === total ? 'Finishing up' : `Step ${done + 1} of ${total}`);
  return [{ type: 'progress' as const, percentage, currentStep }];
}
