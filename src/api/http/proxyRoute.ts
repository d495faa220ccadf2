/**
 * Which way a request of the proxy-aware fetch (src/api/http/proxyFetch.ts) goes, and the same in words
 * for messages: through which proxy or direct (and why), strict SSL on or off, which CAs. A proxy's
 * password never appears in the words.
 */
import { certSource } from './trustedCerts';

/** What the route depends on: the network settings as plain values (the rest of NetworkOptions). */
export interface RouteFacts {
  /** The proxy's URL (http or https), or undefined for none. */
  proxy?: string | undefined;
  /** Where the proxy came from, for messages: `http.proxy`, `HTTPS_PROXY`, … */
  proxySource?: string | undefined;
  /** Why there is no proxy, when that is a setting's doing (e.g. `http.proxySupport off`). */
  noProxyReason?: string | undefined;
  /** Hosts that bypass the proxy (`http.noProxy`, NO_PROXY): `*`, `host`, `.domain`, `*.domain`, with `:port`. */
  noProxy?: readonly string[] | undefined;
  /** Verify servers' certificates (`http.proxyStrictSSL`). */
  strictSSL: boolean;
  /** Extra CA files, PEM (`bilt.network.caFile`). */
  caFiles?: readonly string[] | undefined;
  /** Trust the system's certificates (`http.systemCertificates`); else Node's bundled ones only. */
  systemCerts: boolean;
}

/** The route a request to a URL takes, in words: `through proxy http://p:3128 (http.proxy), strict SSL on, CA: system + /ca.pem`. */
export function routeWords(o: RouteFacts, road: 'host' | 'own'): (url: string | URL) => string {
  const tlsWords = `strict SSL ${o.strictSSL ? 'on' : 'off'}, CA: ${[certSource(o.systemCerts), ...(o.caFiles ?? [])].join(' + ')}`;
  const parsed = parseProxy(o.proxy);
  const shown = parsed ? redactProxy(parsed) : o.proxy?.trim().replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
  const proxyWords = shown ? `through proxy ${shown} (${o.proxySource ?? 'proxy'})` : undefined;
  const unproxied = o.noProxyReason
    ? `direct (${o.noProxyReason})`
    : road === 'host'
      ? "no proxy set (VS Code's system proxy detection applies)"
      : 'direct (no proxy set)';
  return (url) => {
    const bypass = bypassOf(new URL(url), o.noProxy ?? []);
    const how =
      bypass === 'loopback'
        ? 'direct (loopback)'
        : proxyWords && bypass
          ? 'direct (http.noProxy or NO_PROXY)'
          : (proxyWords ?? unproxied);
    return `${how}, ${tlsWords}`;
  };
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
export function parseProxy(proxy: string | undefined): URL | undefined {
  const given = proxy?.trim();
  if (!given) {
    return undefined;
  }
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(given) ? given : `http://${given}`);
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
