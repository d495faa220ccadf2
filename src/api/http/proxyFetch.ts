/**
 * The fetch for remote servers (the live service, any Bilt URL, gateways) behind a corporate proxy. It
 * takes the network settings as plain values (the extension reads them from VS Code's `http.*` settings
 * and `bilt.network.caFile`: src/ui/config.ts) and chooses one of two roads:
 *
 *  - the host's fetch, when nothing beyond what the host does is asked for: VS Code's extension host (1.139)
 *    patches global fetch itself (`http.fetchAdditionalSupport`): it resolves the proxy as VS Code does
 *    (`http.proxy`, `http.noProxy`, the system's proxy settings and PAC files, proxy authentication) and
 *    adds the system's certificates (`http.systemCertificates`). It does not apply `http.proxyStrictSSL`
 *    to fetch, and takes no extra CA;
 *  - its own (undici's fetch with a ProxyAgent or an Agent as dispatcher), when a CA file is given, strict
 *    SSL is off, or the host does not patch fetch: the proxy named in the settings (or the environment),
 *    `noProxy`, certificates = the system's (where the runtime can read them) + the CA files, and
 *    `rejectUnauthorized` = strict SSL.
 *
 * Loopback hosts never go through a proxy (the local engine, a gateway on this machine). Either way a
 * request that fails on its way carries the route it took (`route` on the error: "through proxy
 * http://proxy:3128 (http.proxy), strict SSL on, CA: system + /path/ca.pem"), which transportError
 * (src/api/mcp/errors.ts) puts into the message people see. A proxy's password never appears in it.
 */
import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import type { Dispatcher } from 'undici';
import { BiltError } from '../../core/errors';
import type { FetchLike } from './resilientFetch';

export interface NetworkOptions {
  /** The proxy's URL (http or https), or undefined for none. */
  proxy?: string | undefined;
  /** Where the proxy came from, for messages: `http.proxy`, `HTTPS_PROXY`, … */
  proxySource?: string | undefined;
  /** Why there is no proxy, when that is a setting's doing (e.g. `http.proxySupport off`). */
  noProxyReason?: string | undefined;
  /** The value of the Proxy-Authorization header (`http.proxyAuthorization`); never logged. */
  proxyAuthorization?: string | undefined;
  /** Hosts that bypass the proxy (`http.noProxy`, NO_PROXY): `*`, `host`, `.domain`, `*.domain`, with `:port`. */
  noProxy?: readonly string[] | undefined;
  /** Verify servers' certificates (`http.proxyStrictSSL`). */
  strictSSL: boolean;
  /** Extra CA files, PEM (`bilt.network.caFile`). */
  caFiles?: readonly string[] | undefined;
  /** Trust the system's certificates (`http.systemCertificates`); else Node's bundled ones only. */
  systemCerts: boolean;
  /**
   * The host's own fetch when it already resolves proxies and adds the system's certificates (VS Code's
   * extension host with `http.fetchAdditionalSupport` on); undefined elsewhere.
   */
  hostFetch?: FetchLike | undefined;
}

export interface NetworkFetch {
  fetch: FetchLike;
  /** The route a request to this URL takes, in words (no secrets). */
  routeTo(url: string | URL): string;
  /** Whose fetch carries the requests: the host's (VS Code's proxy support) or this module's own. */
  road: 'host' | 'own';
  /** Closes the own road's connections once their requests are done (nothing to do on the host's). */
  close(): Promise<void>;
}

/** A request that failed on its way to a server, with the route it took. */
export type RoutedError = Error & { route?: string };

export function networkFetch(o: NetworkOptions): NetworkFetch {
  const caFiles = o.caFiles ?? [];
  const road = o.hostFetch && o.strictSSL && caFiles.length === 0 ? 'host' : 'own';
  const tlsWords = `strict SSL ${o.strictSSL ? 'on' : 'off'}, CA: ${[certSource(o.systemCerts), ...caFiles].join(' + ')}`;
  const proxyUrl = parseProxy(o.proxy);
  const shownProxy = proxyUrl ? redactProxy(proxyUrl) : o.proxy?.trim().replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  const proxyWords = shownProxy ? `through proxy ${shownProxy} (${o.proxySource ?? 'proxy'})` : undefined;

  function routeTo(url: string | URL): string {
    const bypass = bypassOf(new URL(url), o.noProxy ?? []);
    const how =
      bypass === 'loopback'
        ? 'direct (loopback)'
        : proxyWords && bypass
          ? 'direct (http.noProxy or NO_PROXY)'
          : (proxyWords ??
            (o.noProxyReason
              ? `direct (${o.noProxyReason})`
              : road === 'host'
                ? "no proxy set (VS Code's system proxy detection applies)"
                : 'direct (no proxy set)'));
    return `${how}, ${tlsWords}`;
  }

  const own = road === 'own' ? ownFetch(o, proxyUrl, caFiles, routeTo) : undefined;
  const send = own?.fetch ?? o.hostFetch!;
  const fetch: FetchLike = async (url, init) => {
    try {
      return await send(url, init);
    } catch (e) {
      throw withRoute(e, routeTo(url), init?.signal);
    }
  };
  return { fetch, routeTo, road, close: own?.close ?? (() => Promise.resolve()) };
}

/** undici's fetch with a dispatcher made from the settings: a ProxyAgent, or an Agent where the proxy is bypassed. */
function ownFetch(
  o: NetworkOptions,
  proxyUrl: URL | undefined,
  caFiles: readonly string[],
  routeTo: (url: string | URL) => string,
): { fetch: FetchLike; close(): Promise<void> } {
  const refuse = (problem: string) => ({
    fetch: (url: string | URL) =>
      Promise.reject(new BiltError('unavailable', `Cannot reach ${url} ${routeTo(url)}: ${problem}`)),
    close: () => Promise.resolve(),
  });
  let ca: string[];
  try {
    ca = [...trustedCertificates(o.systemCerts), ...caFiles.flatMap(readPem)];
  } catch (e) {
    return refuse(e instanceof Error ? e.message : String(e));
  }
  if (o.proxy?.trim() && !proxyUrl) {
    return refuse('this proxy is not an http or https URL (the only kinds the own agent speaks)');
  }
  // undici is loaded here, on the first own road, not with the rest of the client
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Agent, ProxyAgent, fetch: undiciFetch } = require('undici') as typeof import('undici');
  const connect = { ca, rejectUnauthorized: o.strictSSL };
  const direct = new Agent({ connect });
  const proxied = proxyUrl
    ? new ProxyAgent({
        uri: proxyUrl.href,
        requestTls: connect,
        proxyTls: connect,
        ...(o.proxyAuthorization ? { token: o.proxyAuthorization } : {}),
      })
    : undefined;
  return {
    fetch: (url, init) => {
      const dispatcher: Dispatcher = proxied && !bypassOf(new URL(url), o.noProxy ?? []) ? proxied : direct;
      // undici's own fetch: its Request and Response are the WHATWG ones the client and the MCP SDK read
      const own = { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher };
      return undiciFetch(url, own) as unknown as Promise<Response>;
    },
    close: async () => {
      await Promise.all([direct.close(), proxied?.close()]);
    },
  };
}

/** The error with its route (an abort stays as it is). */
function withRoute(e: unknown, route: string, signal: AbortSignal | null | undefined): unknown {
  if (signal?.aborted || !(e instanceof Error) || e.name === 'AbortError' || e instanceof BiltError) {
    return e;
  }
  (e as RoutedError).route ??= route;
  return e;
}

/** Why a host skips the proxy: it is this machine, or a noProxy entry names it; undefined when it does not. */
export function bypassOf(url: URL, noProxy: readonly string[]): 'loopback' | 'noProxy' | undefined {
  const host = url.hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)) {
    return 'loopback';
  }
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy) {
    const entry = raw.trim().toLowerCase();
    if (entry === '*') {
      return 'noProxy';
    }
    const m = /^(.*?)(?::(\d+))?$/.exec(entry.startsWith('[') ? entry.replace(/^\[(.*)\]/, '$1') : entry);
    const name = (m?.[1] ?? '').replace(/^\*?\./, '');
    if (!name || (m?.[2] !== undefined && m[2] !== port)) {
      continue;
    }
    if (host === name || host.endsWith(`.${name}`)) {
      return 'noProxy';
    }
  }
  return undefined;
}

/** The proxy as a URL (a bare `host:port` is taken as http), or undefined when there is none or it is not one. */
function parseProxy(proxy: string | undefined): URL | undefined {
  if (!proxy?.trim()) {
    return undefined;
  }
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(proxy.trim()) ? proxy.trim() : `http://${proxy.trim()}`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The proxy's URL for people: its password replaced, no trailing slash. */
export function redactProxy(url: URL): string {
  const shown = new URL(url.href);
  if (shown.password) {
    shown.password = '***';
  }
  return shown.href.replace(/\/$/, '');
}

type CaReader = { getCACertificates?: (type?: 'default' | 'system' | 'bundled' | 'extra') => string[] };

/** Where the trusted certificates come from, in words: the system's where this runtime can read them. */
function certSource(systemCerts: boolean): string {
  return systemCerts && (tls as CaReader).getCACertificates ? 'system' : 'bundled';
}

/**
 * The certificates an own connection trusts (`ca` replaces Node's defaults, so they are all listed):
 * Node's defaults, plus the system's store where the runtime reads it (Node ≥ 22.15: VS Code's
 * extension host; Node 20 has no API for it and keeps its bundled ones).
 */
function trustedCertificates(systemCerts: boolean): string[] {
  const reader = (tls as CaReader).getCACertificates;
  if (!reader) {
    return [...tls.rootCertificates];
  }
  return [...new Set([...reader('default'), ...(systemCerts ? reader('system') : [])])];
}

/** The certificates in a PEM file; a file that cannot be read or holds none is a clear error. */
function readPem(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new Error(`the CA file ${file} cannot be read (${why})`, { cause: e });
  }
  const certs = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (!certs) {
    throw new Error(`the CA file ${file} holds no PEM certificate`);
  }
  return certs;
}
