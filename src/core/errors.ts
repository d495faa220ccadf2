/**
 * Errors every part speaks: a code for programs, a sentence for people, details for both.
 * On the wire they become `{ error, details }` (the contract's documented error body).
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'illegal_state',
  'rate_limited',
  'unauthorized',
  'forbidden',
  'unsupported',
  'unavailable',
  'protocol',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorDetails = Record<string, unknown>;

export class BiltError extends Error {
  override readonly name = 'BiltError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }

  /** The contract's error body. `details.message` repeats the most specific sentence. */
  toBody(): { error: string; details: ErrorDetails } {
    return { error: this.message, details: { code: this.code, ...this.details } };
  }

  /** Seconds until a retry may succeed, when the error says so. */
  get retryAfterSeconds(): number | undefined {
    const v = this.details['retry_after'];
    return typeof v === 'number' ? v : undefined;
  }
}

export function isBiltError(e: unknown): e is BiltError {
  return e instanceof BiltError;
}

export const notFound = (what: string, details: ErrorDetails) =>
  new BiltError('not_found', `${what} not found`, { ...details, message: `${what} not found` });
