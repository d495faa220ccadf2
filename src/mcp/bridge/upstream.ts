/**
 * Where the bridge's calls go: BILT_URL with BILT_TOKEN (the live service or any Bilt-compatible
 * server), or, without BILT_URL, the local engine found through its discovery file and started if none
 * runs. Connects once, on first use; a local engine that went away is found (or started) again.
 */
import { BiltClient } from '../../api/client';
import { defaultDataDir } from '../../api/local/discovery';
import { findOrStartEngine } from '../../api/local/launcher';
import { isBiltError } from '../../core/errors';

export interface UpstreamConfig {
  url?: string | undefined;
  token?: string | undefined;
  dataDir: string;
  /** dist/engine.js, to start a local engine. */
  engineScript: string;
  log(line: string): void;
}

export function upstreamFromEnv(env: NodeJS.ProcessEnv, engineScript: string, log: (l: string) => void, overrides: { url?: string | undefined; dataDir?: string | undefined } = {}): UpstreamConfig {
  return {
    url: overrides.url ?? (env.BILT_URL || undefined),
    token: env.BILT_TOKEN || undefined,
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

  client(signal?: AbortSignal): Promise<BiltClient> {
    this.connecting ??= this.connect(signal).catch((e: unknown) => {
      this.connecting = undefined;
      throw e;
    });
    return this.connecting;
  }

  /** After a failure that may mean the local engine restarted elsewhere: connect afresh next time. */
  noteFailure(e: unknown): void {
    if (this.isLocal && isBiltError(e) && (e.code === 'unavailable' || e.code === 'unauthorized')) void this.reset();
  }

  async reset(): Promise<void> {
    const c = this.connecting;
    this.connecting = undefined;
    await c?.then((x) => x.close()).catch(() => undefined);
  }

  private async connect(signal?: AbortSignal): Promise<BiltClient> {
    if (this.c.url) {
      this.c.log(`upstream ${this.c.url}${this.c.token ? ' (with token)' : ' (no BILT_TOKEN set)'}`);
      return BiltClient.connect({ url: this.c.url, token: this.c.token, clientName: 'bilt-bridge', log: this.c.log }, signal);
    }
    const d = await findOrStartEngine({ engineScript: this.c.engineScript, dataDir: this.c.dataDir });
    this.c.log(`upstream: local engine pid ${d.pid} at ${d.mcpUrl}`);
    return BiltClient.connect({ url: d.mcpUrl, token: d.token, clientName: 'bilt-bridge', log: this.c.log }, signal);
  }
}
