/**
 * Where the bridge's calls go: BILT_URL with BILT_TOKEN (the live service or any Bilt-compatible
 * server), or, without BILT_URL, the local engine found through its discovery file and started if none
 * runs. Connects once, on first use; a local engine that went away is found (or started) again.
 */
import { BiltClient, type ServerKind } from '../../api/client';
import { defaultDataDir } from '../../api/local/discovery';
import { findOrStartEngine } from '../../api/local/launcher';
import { isBiltError } from '../../core/errors';
import { failFastWhenGone } from './localFetch';
import { tokenFromEnv } from './token';

export interface UpstreamConfig {
  url?: string | undefined;
  /** What BILT_URL speaks (BILT_SERVER_KIND=bilt or session-api); detected when unset. */
  kind?: ServerKind | undefined;
  token?: string | undefined;
  /** Set when the token could not be read at start (a missing BILT_TOKEN_FILE): read it again per connection. */
  readToken?: (() => string | undefined) | undefined;
  dataDir: string;
  /** dist/engine.js, to start a local engine. */
  engineScript: string;
  log(line: string): void;
}

export { tokenFromEnv } from './token';

export function upstreamFromEnv(
  env: NodeJS.ProcessEnv,
  engineScript: string,
  log: (l: string) => void,
  overrides: { url?: string | undefined; dataDir?: string | undefined } = {},
): UpstreamConfig {
  const url = overrides.url ?? (env.BILT_URL || undefined);
  const kind =
    env.BILT_SERVER_KIND === 'bilt' || env.BILT_SERVER_KIND === 'session-api' ? env.BILT_SERVER_KIND : undefined;
  let token: string | undefined;
  let readToken: (() => string | undefined) | undefined;
  try {
    token = url ? tokenFromEnv(env) : undefined;
  } catch (e) {
    log(`token: ${e instanceof Error ? e.message : String(e)}`);
    readToken = () => tokenFromEnv(env);
  }
  return {
    url,
    kind,
    token,
    readToken,
    dataDir: overrides.dataDir ?? defaultDataDir(env),
    engineScript,
    log,
  };
}

export class Upstream {
  private connecting: Promise<BiltClient> | undefined;

  constructor(private readonly c: UpstreamConfig) {}

  get isLocal(): boolean {
    return this.c.url === undefined;
  }

  /** A lost local engine is found (or started) again by connecting afresh. */
  get reconnects(): boolean {
    return this.isLocal;
  }

  client(signal?: AbortSignal): Promise<BiltClient> {
    this.connecting ??= this.connect(signal).catch((e: unknown) => {
      this.connecting = undefined;
      throw e;
    });
    return this.connecting;
  }

  /** After a failure that may mean the local engine restarted elsewhere: connect afresh next time. */
  noteFailure(e: unknown): void {
    if (this.isLocal && isBiltError(e) && (e.code === 'unavailable' || e.code === 'unauthorized')) {
      void this.reset();
    }
  }

  async reset(): Promise<void> {
    const c = this.connecting;
    this.connecting = undefined;
    await c?.then((x) => x.close()).catch(() => undefined);
  }

  private async connect(signal?: AbortSignal): Promise<BiltClient> {
    if (this.c.url) {
      if (this.c.token === undefined && this.c.readToken) {
        this.c.token = this.c.readToken(); // throws the BiltError naming the file while it is missing
      }
      this.c.log(`upstream ${this.c.url}${this.c.token ? ' (with token)' : ' (no BILT_TOKEN set)'}`);
      return BiltClient.connect(
        { url: this.c.url, kind: this.c.kind, token: this.c.token, clientName: 'bilt-bridge', log: this.c.log },
        signal,
      );
    }
    const d = await findOrStartEngine({ engineScript: this.c.engineScript, dataDir: this.c.dataDir });
    this.c.log(`upstream: local engine pid ${d.pid} at ${d.mcpUrl}`);
    return BiltClient.connect(
      {
        url: d.mcpUrl,
        token: d.token,
        clientName: 'bilt-bridge',
        log: this.c.log,
        fetch: failFastWhenGone(globalThis.fetch, d.url),
      },
      signal,
    );
  }
}
