/**
 * How this window reaches remote servers through the network: the proxy-aware fetch
 * (src/api/http/proxyFetch.ts) built from VS Code's `http.*` settings and `bilt.network.caFile`
 * (src/ui/config.ts readNetwork), one per distinct settings, reused by every connection while they hold.
 * When a setting changes, the remote servers reconnect with the new one and the old one's connections
 * close once their requests are done. The local engine never comes here (loopback, no proxy).
 */
import type * as vscode from 'vscode';
import { networkFetch, type NetworkFetch } from '../../api/http/proxyFetch';
import type { BiltStoreApi } from '../../api/store/types';
import { onNetworkSettingsChange, readNetwork } from '../config';
import type { Logger } from '../logging';

export class RemoteNetwork implements vscode.Disposable {
  private current: { key: string; net: NetworkFetch } | undefined;

  constructor(private readonly log: Logger) {}

  /** The fetch for remote servers under the settings as they are now. */
  fetch(): NetworkFetch {
    const { hostPatchesFetch, ...settings } = readNetwork();
    const key = JSON.stringify({ hostPatchesFetch, ...settings });
    if (this.current?.key !== key) {
      void this.current?.net.close();
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
    void this.current?.net.close();
    this.current = undefined;
  }
}
