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

/**
 * What makes a BiltError one, whichever copy of this module made it: the extension ships as two bundles
 * that each carry this module (scripts/build/deferred.mjs), so `instanceof` checks this brand, not the class.
 */
const BRAND = Symbol.for('bilt.BiltError');

export class BiltError extends Error {
  static override [Symbol.hasInstance](value: unknown): value is BiltError {
    return typeof value === 'object' && value !== null && BRAND in value;
  }

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

Object.defineProperty(BiltError.prototype, BRAND, { value: true });

export function isBiltError(e: unknown): e is BiltError {
  return e instanceof BiltError;
}

export const notFound = (what: string, details: ErrorDetails) =>
  new BiltError('not_found', `${what} not found`, { ...details, message: `${what} not found` });
