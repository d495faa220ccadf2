/**
 * Who may talk to the engine: only a loopback Host naming its port (DNS-rebinding defence, 403), only
 * the engine's own Origin when a browser sends one (403), and only with the bearer token (401).
 * Optional request budget per minute with the live service's X-RateLimit headers.
 *
 * Origin: the engine's API serves no pages, and its clients (the extension host, the bridge, scripts) send
 * no Origin; VS Code and code-server webviews do not call it. So a request with an Origin comes from a
 * browser page, and only a page of the engine itself (http://127.0.0.1:<port>, localhost, [::1]) may
 * call; another page on loopback (a dev server on another port) may not.
 *
 * The apps the builder agent makes (`/apps/…`, read-only, no token) need only a loopback Host name, on
 * any port: a local proxy such as code-server's port forwarding (`/proxy/<port>/`) keeps its own Host.
 * DNS rebinding still fails there (the Host is then the attacker's name), and a page elsewhere cannot
 * read an answer (no CORS headers), so Origin is not checked.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function hostnameOf(hostHeader: string): { host: string; port: string | undefined } {
  const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostHeader.trim().toLowerCase());
  return m ? { host: m[1]!, port: m[2] } : { host: hostHeader, port: undefined };
}

/** Why a request for a built app is refused: its Host is not a loopback name; undefined otherwise. */
export function appHostRefusal(req: IncomingMessage): string | undefined {
  const hostHeader = req.headers.host;
  if (!hostHeader) {
    return 'missing Host header';
  }
  return LOOPBACK_HOSTS.has(hostnameOf(hostHeader).host)
    ? undefined
    : `Host ${JSON.stringify(hostHeader)} is not a loopback address`;
}

/** Why the request's Host or Origin is refused, or undefined when both are loopback. */
export function hostRefusal(req: IncomingMessage, port: number): string | undefined {
  const hostHeader = req.headers.host;
  if (!hostHeader) {
    return 'missing Host header';
  }
  const { host, port: p } = hostnameOf(hostHeader);
  if (!LOOPBACK_HOSTS.has(host)) {
    return `Host ${JSON.stringify(hostHeader)} is not a loopback address`;
  }
  if (p !== undefined && Number(p) !== port) {
    return `Host ${JSON.stringify(hostHeader)} names another port`;
  }
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
      return `Origin ${JSON.stringify(origin)} is not a loopback origin`;
    }
    if (url.port !== String(port)) {
      return `Origin ${JSON.stringify(origin)} is not this engine's origin (http://127.0.0.1:${port})`;
    }
  }
  return undefined;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export function tokenMatches(req: IncomingMessage, token: string): boolean {
  const auth = req.headers.authorization;
  if (!auth) {
    return false;
  }
  const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
  if (!m) {
    return false;
  }
  // compare fixed-size digests so neither length nor content leaks through timing
  return timingSafeEqual(digest(m[1]!), digest(token));
}

export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  retryAfterSeconds: number;
}

/** A fixed one-minute window, like the live service's 100 requests/minute per key. */
export class RequestBudget {
  private windowStart = 0;
  private used = 0;
  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  take(): RateDecision {
    const t = this.now();
    if (t - this.windowStart >= 60_000) {
      this.windowStart = t;
      this.used = 0;
    }
    const reset = Math.ceil((this.windowStart + 60_000) / 1000);
    const allowed = this.used < this.perMinute;
    if (allowed) {
      this.used++;
    }
    const headers = {
      'x-ratelimit-limit': String(this.perMinute),
      'x-ratelimit-remaining': String(Math.max(0, this.perMinute - this.used)),
      'x-ratelimit-reset': String(reset),
    };
    return { allowed, headers, retryAfterSeconds: Math.max(1, reset - Math.floor(t / 1000)) };
  }
}
