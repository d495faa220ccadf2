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
 * request that fails on its way carries the route it took (`route` on the error, src/api/http/proxyRoute.ts),
 * which transportError (src/api/mcp/errors.ts) puts into the message people see.
 */
import type { Dispatcher } from 'undici';
import { BiltError } from '../../core/errors';
import { bypassOf, parseProxy, routeWords, type RouteFacts } from './proxyRoute';
import type { FetchLike } from './resilientFetch';
import { trustedCertificates } from './trustedCerts';

/** The network settings (src/ui/config.ts readNetwork): the route's facts, plus what is never shown. */
export interface NetworkOptions extends RouteFacts {
  /** The value of the Proxy-Authorization header (`http.proxyAuthorization`); never logged. */
  proxyAuthorization?: string | undefined;
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
  const road = o.hostFetch && o.strictSSL && !o.caFiles?.length ? 'host' : 'own';
  const routeTo = routeWords(o, road);
  const own = road === 'own' ? ownFetch(o, routeTo) : undefined;
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
function ownFetch(o: NetworkOptions, routeTo: (url: string | URL) => string): Pick<NetworkFetch, 'fetch' | 'close'> {
  const refuse = (problem: string) => ({
    fetch: (url: string | URL) =>
      Promise.reject(new BiltError('unavailable', `Cannot reach ${url} ${routeTo(url)}: ${problem}`)),
    close: () => Promise.resolve(),
  });
  let ca: string[];
  try {
    ca = trustedCertificates(o.systemCerts, o.caFiles ?? []);
  } catch (e) {
    return refuse(e instanceof Error ? e.message : String(e));
  }
  const proxyUrl = parseProxy(o.proxy);
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
