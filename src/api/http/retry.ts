/** When a failed request may be sent again, and after how long. */

/** Tools whose call can be repeated without a second effect. */
export const IDEMPOTENT_TOOLS = new Set([
  'bilt_list_projects',
  'bilt_get_project',
  'bilt_get_session',
  'bilt_get_messages',
]);

/** JSON-RPC traffic that is safe to repeat: everything but a call of a tool that changes state. */
export function isIdempotentBody(body: unknown): boolean {
  if (typeof body !== 'string') {
    return true;
  }
  try {
    const msg = JSON.parse(body) as { method?: string; params?: { name?: string } } | unknown[];
    const all = Array.isArray(msg) ? msg : [msg];
    return all.every((m) => {
      const { method, params } = (m ?? {}) as { method?: string; params?: { name?: string } };
      return method !== 'tools/call' || IDEMPOTENT_TOOLS.has(params?.name ?? '');
    });
  } catch {
    return false;
  }
}

/**
 * Whether a request may be sent twice without a second effect: GET, HEAD, PUT and DELETE by HTTP's
 * rules; a POST only when it carries JSON-RPC that is safe to repeat (a REST POST such as a message to
 * a Session API gateway, or a PATCH, is not).
 */
export function isIdempotentRequest(method: string | undefined, body: unknown): boolean {
  const verb = (method ?? 'GET').toUpperCase();
  if (['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'].includes(verb)) {
    return true;
  }
  return verb === 'POST' && isJsonRpc(body) && isIdempotentBody(body);
}

function isJsonRpc(body: unknown): boolean {
  if (typeof body !== 'string') {
    return false;
  }
  try {
    const msg = JSON.parse(body) as unknown;
    return (Array.isArray(msg) ? msg : [msg]).every((m) => (m as { jsonrpc?: unknown } | null)?.jsonrpc === '2.0');
  } catch {
    return false;
  }
}

const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The system's code of a network error (ECONNREFUSED, …), from fetch's cause or the error itself. */
export const networkErrorCode = (e: unknown): string | undefined =>
  (e as { cause?: { code?: string }; code?: string } | undefined)?.cause?.code ?? (e as { code?: string })?.code;

/** Whether a network error happened before the request left (nothing reached the server). */
export function neverSent(e: unknown): boolean {
  const code = networkErrorCode(e);
  return code !== undefined && NEVER_SENT.has(code);
}

/** OpenSSL's codes for a certificate the CAs tried do not vouch for. */
const UNTRUSTED = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

/**
 * What a TLS error code says about the server's certificate, in words (undefined for other codes): the
 * failures people meet behind a TLS-inspecting proxy. Not retried: the same certificate comes back.
 */
export function certificateProblem(code: string): string | undefined {
  if (UNTRUSTED.has(code)) {
    return "the server's certificate is not signed by a trusted CA";
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return "the server's certificate is not valid now";
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return "the server's certificate is for another name";
  }
  return undefined;
}

/**
 * A network error is retried when the request never left (any call), or when repeating is harmless;
 * never when the server's certificate was refused.
 */
export function retryableNetworkError(e: unknown, idempotent: boolean): boolean {
  const code = networkErrorCode(e);
  if (code !== undefined && certificateProblem(code)) {
    return false;
  }
  if (neverSent(e)) {
    return true;
  }
  return idempotent && e instanceof TypeError; // fetch failed mid-way (reset, closed)
}

export function retryableStatus(status: number, idempotent: boolean): boolean {
  if (status === 429 || status === 503) {
    return true;
  } // refused before any work was done
  return idempotent && (status === 500 || status === 502 || status === 504);
}

/** Retry-After (seconds or HTTP date) or X-RateLimit-Reset (Unix seconds, or seconds from now if small). */
export function serverDelayMs(headers: Headers, now: number): number | undefined {
  const ra = headers.get('retry-after');
  if (ra) {
    const s = Number(ra);
    if (Number.isFinite(s)) {
      return Math.max(0, s * 1000);
    }
    const d = Date.parse(ra);
    if (Number.isFinite(d)) {
      return Math.max(0, d - now);
    }
  }
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (headers.has('x-ratelimit-reset') && Number.isFinite(reset)) {
    return Math.max(0, reset > 1e9 ? reset * 1000 - now : reset * 1000);
  }
  return undefined;
}

/** Exponential backoff with full jitter: a random wait in [base·2^n / 2, base·2^n], capped. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
