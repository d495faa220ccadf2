/**
 * How this window reaches remote servers through the network: the proxy-aware fetch
 * (src/api/http/proxyFetch.ts) built from VS Code's `http.*` settings and `bilt.network.caFile`
 * (src/ui/config.ts readNetwork), one per distinct settings, reused by every connection while they hold.
 * When a setting changes, the remote servers reconnect with the new one; the old ones close with the
 * window (a server still on one keeps working until it reconnects; idle connections end by themselves).
 * The local engine never comes here (loopback, no proxy).
 */
import { statSync } from 'node:fs';
import type * as vscode from 'vscode';
import { networkFetch, type NetworkFetch } from '../../api/http/proxyFetch';
import type { BiltStoreApi } from '../../api/store/types';
import { onNetworkSettingsChange, readNetwork } from '../config';
import type { Logger } from '../logging';

export class RemoteNetwork implements vscode.Disposable {
  private current: { key: string; net: NetworkFetch } | undefined;
  /** Fetches replaced by newer settings, which connections made before may still use. */
  private readonly replaced: NetworkFetch[] = [];

  constructor(private readonly log: Logger) {}

  /** The fetch for remote servers under the settings as they are now. */
  fetch(): NetworkFetch {
    const { hostPatchesFetch, ...settings } = readNetwork();
    // a CA file replaced in place counts as a change too (read again on the next connection, e.g. Refresh)
    const key = JSON.stringify({ hostPatchesFetch, ...settings, caTimes: (settings.caFiles ?? []).map(modified) });
    if (this.current?.key !== key) {
      if (this.current) {
        this.replaced.push(this.current.net);
      }
      const net = networkFetch({ ...settings, hostFetch: hostPatchesFetch ? globalThis.fetch : undefined });
      this.current = { key, net };
      this.log.info(
        `remote servers: ${net.road === 'host' ? "VS Code's proxy support (its fetch)" : 'own proxy agent (undici)'}`,
      );
    }
    return this.current.net;
  }

  /** A network setting changed: every remote server connects again through the new settings. */
  reconnectOnChange(store: BiltStoreApi): vscode.Disposable {
    return onNetworkSettingsChange(() => {
      for (const s of store.snapshots().filter((x) => x.server.kind === 'remote')) {
        void store.refresh(s.server.id);
      }
    });
  }

  dispose(): void {
    for (const net of [...this.replaced, this.current?.net]) {
      void net?.close();
    }
    this.replaced.length = 0;
    this.current = undefined;
  }
}

const modified = (file: string): number | undefined => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return undefined; // the fetch says the file cannot be read
  }
};
