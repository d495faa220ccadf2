/**
 * Where the bridge's calls go: BILT_URL with BILT_TOKEN (the live service or any Bilt-compatible
 * server), or, without BILT_URL, the local engine found through its discovery file and started if none
 * runs. Connects once, on first use; a local engine that went away is found (or started) again.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BiltClient, type ServerKind } from '../../api/client';
import { defaultDataDir } from '../../api/local/discovery';
import { findOrStartEngine } from '../../api/local/launcher';
import { isBiltError } from '../../core/errors';

export interface UpstreamConfig {
  url?: string | undefined;
  /** What BILT_URL speaks (BILT_SERVER_KIND=bilt or session-api); detected when unset. */
  kind?: ServerKind | undefined;
  token?: string | undefined;
  dataDir: string;
  /** dist/engine.js, to start a local engine. */
  engineScript: string;
  log(line: string): void;
}

/**
 * The token, without it ever sitting in a client's config file: BILT_TOKEN (set by VS Code from its
 * SecretStorage), else BILT_TOKEN_FILE (a 0600 file), else BILT_TOKEN_COMMAND (e.g. a keychain lookup
 * such as `security find-generic-password -w -s bilt` or `secret-tool lookup service bilt`).
 */
export function tokenFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  if (env.BILT_TOKEN) {
    return env.BILT_TOKEN;
  }
  if (env.BILT_TOKEN_FILE) {
    return readFileSync(env.BILT_TOKEN_FILE, 'utf8').trim() || undefined;
  }
  if (env.BILT_TOKEN_COMMAND) {
    return (
      execSync(env.BILT_TOKEN_COMMAND, {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        timeout: 15_000,
      }).trim() || undefined
    );
  }
  return undefined;
}

export function upstreamFromEnv(
  env: NodeJS.ProcessEnv,
  engineScript: string,
  log: (l: string) => void,
  overrides: { url?: string | undefined; dataDir?: string | undefined } = {},
): UpstreamConfig {
  const url = overrides.url ?? (env.BILT_URL || undefined);
  const kind =
    env.BILT_SERVER_KIND === 'bilt' || env.BILT_SERVER_KIND === 'session-api' ? env.BILT_SERVER_KIND : undefined;
  return {
    url,
    kind,
    token: url ? tokenFromEnv(env) : undefined,
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
      this.c.log(`upstream ${this.c.url}${this.c.token ? ' (with token)' : ' (no BILT_TOKEN set)'}`);
      return BiltClient.connect(
        { url: this.c.url, kind: this.c.kind, token: this.c.token, clientName: 'bilt-bridge', log: this.c.log },
        signal,
      );
    }
    const d = await findOrStartEngine({ engineScript: this.c.engineScript, dataDir: this.c.dataDir });
    this.c.log(`upstream: local engine pid ${d.pid} at ${d.mcpUrl}`);
    return BiltClient.connect({ url: d.mcpUrl, token: d.token, clientName: 'bilt-bridge', log: this.c.log }, signal);
  }
}
