/**
 * How the store reaches each server: the local engine is found through its discovery file or started
 * (its own process on VS Code's runtime, shared by every window, found again after a reload); a remote
 * server gets its token from SecretStorage, and without one the server is "signed out", and is reached
 * through the proxy-aware fetch of src/ui/servers/network.ts (VS Code's proxy settings). The client and
 * the launcher are in dist/extension-deferred.js (scripts/build/deferred.mjs): the connector first lets
 * activation finish, so that file loads after activate() has returned, not during it.
 */
import type * as vscode from 'vscode';
import { BiltClient } from '../../api/client';
import { findOrStartEngine } from '../../api/local/launcher';
import type { Connector, ServerConfig } from '../../api/store/types';
import { BiltError } from '../../core/errors';
import type { Settings } from '../config';
import type { Logger } from '../logging';
import type { RemoteNetwork } from './network';
import type { Tokens } from './tokens';

/**
 * The local engine's command line from the settings. BILT_ENGINE_EXTRA_ARGS (in the extension host's
 * environment) appends flags for test rigs and demos, e.g. `--projects-per-hour 1000` for a suite that
 * creates many projects; people use the settings.
 */
export function engineArgs(s: Settings, env: NodeJS.ProcessEnv = process.env): string[] {
  const extra = env.BILT_ENGINE_EXTRA_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  return [
    ...extra,
    '--agent',
    s.localAgent,
    ...(s.localAgentCommand ? ['--agent-command', s.localAgentCommand] : []),
    ...(s.localAgent === 'emulator' && s.localScenario ? ['--scenario', s.localScenario] : []),
    ...(s.localAgent === 'emulator' && s.localSpeed !== 1 ? ['--speed', String(s.localSpeed)] : []),
  ];
}

export function createConnector(o: {
  context: vscode.ExtensionContext;
  tokens: Tokens;
  settings: () => Settings;
  log: Logger;
  network: RemoteNetwork;
}): Connector {
  return async (server: ServerConfig, signal: AbortSignal): Promise<BiltClient> => {
    await new Promise((resolve) => setImmediate(resolve)); // the store starts connecting inside activate()
    if (server.kind === 'local') {
      const s = o.settings();
      const d = await findOrStartEngine({
        engineScript: o.context.asAbsolutePath('dist/engine.js'),
        ...(s.localDataDir ? { dataDir: s.localDataDir } : {}),
        args: engineArgs(s),
      });
      o.log.info(`local engine pid ${d.pid} at ${d.url} (agent ${d.agent})`);
      return BiltClient.connect(
        { url: d.mcpUrl, token: d.token, clientName: 'bilt-vscode', log: (l) => o.log.info(l) },
        signal,
      );
    }
    const token = await o.tokens.get(server.id);
    if (!token) {
      throw new BiltError('unauthorized', `Not signed in to ${server.label}`, { signedOut: true, server: server.id });
    }
    const net = o.network.fetch();
    o.log.info(`reaching ${server.url} ${net.routeTo(server.url!)}`);
    return BiltClient.connect(
      {
        url: server.url!,
        token,
        kind: server.protocol,
        fetch: net.fetch,
        clientName: 'bilt-vscode',
        log: (l) => o.log.info(l),
      },
      signal,
    );
  };
}
