/**
 * Sign in to a remote server: the token goes to SecretStorage only (never settings, never the log),
 * the server is added to the settings if it is new, and the result is what the server then says.
 */
import * as vscode from 'vscode';
import type { ServerState } from '../../api/store/types';
import { BiltError } from '../../core/errors';
import { serverUrlInput } from '../../present/inputs';
import { labelFor, normalizeUrl, saveRemoteServers } from '../config';
import { COMMANDS, LIVE_BILT_URL, LOCAL_SERVER_ID } from '../ids';
import type { CommandDeps } from './deps';
import { idsFrom } from './pick';
import { must, registerCommand } from './run';
import { waitFor } from '../waitFor';

export interface RemoteServer {
  url: string;
  label: string;
}

const API_KEYS_PAGE = 'https://bilt.me/settings/api-keys';

/** Asks a server URL (http or https; a warning for plain http beyond this machine); returns it normalized. */
export async function askServerUrl(existing: readonly string[]): Promise<string> {
  const url = await vscode.window.showInputBox({
    title: 'Bilt server URL',
    prompt: 'The MCP endpoint of a Bilt-compatible server, or the address of an agent gateway (Session API)',
    value: 'https://',
    valueSelection: [8, 8],
    ignoreFocusOut: true,
    validateInput: (v) => {
      const r = serverUrlInput(v, existing);
      return (
        r.error ?? (r.warning ? { message: r.warning, severity: vscode.InputBoxValidationSeverity.Warning } : undefined)
      );
    },
  });
  return normalizeUrl(must(url));
}

/** The server to sign in to: the node's, a URL given, else picked from the configured ones (+ Bilt, + other). */
export async function targetServer(deps: CommandDeps, arg: unknown): Promise<RemoteServer | undefined> {
  const remote = deps.settings().remote;
  const id = typeof arg === 'string' ? normalizeUrl(arg) : idsFrom(arg)?.serverId;
  if (id === LOCAL_SERVER_ID) {
    return undefined;
  }
  if (id) {
    return (
      remote.find((r) => r.url === id) ?? { url: id, label: deps.store.snapshot(id)?.server.label ?? labelFor(id) }
    );
  }
  const items: Array<vscode.QuickPickItem & { server?: RemoteServer }> = remote.map((r) => ({
    label: r.label,
    description: r.url,
    detail: stateWords(deps.store.snapshot(r.url)?.status),
    server: r,
  }));
  if (!remote.some((r) => r.url === LIVE_BILT_URL)) {
    items.push({
      label: 'Bilt',
      description: 'mcp.bilt.me',
      detail: 'the live Bilt service',
      server: { url: LIVE_BILT_URL, label: 'Bilt' },
    });
  }
  items.push({ label: 'Other server…', detail: 'any Bilt-compatible server, by URL' });
  const picked = must(
    await vscode.window.showQuickPick(items, { placeHolder: 'Sign in to which Bilt server?', ignoreFocusOut: true }),
  );
  if (picked.server) {
    return picked.server;
  }
  const url = await askServerUrl(remote.map((r) => r.url));
  return { url, label: labelFor(url) };
}

function stateWords(st: ServerState | undefined): string | undefined {
  if (!st) {
    return undefined;
  }
  if (st.state === 'signed-out') {
    return 'signed out';
  }
  if (st.state === 'unauthorized') {
    return 'token rejected';
  }
  return st.state === 'ready' ? 'signed in' : undefined;
}

/** Stores the token, adds the server to the settings if needed, refreshes it and says how it went. */
export async function signInTo(
  deps: CommandDeps,
  server: RemoteServer,
  given?: string,
): Promise<ServerState['state'] | 'unknown'> {
  const live = server.url === LIVE_BILT_URL;
  const token =
    given ??
    must(
      await vscode.window.showInputBox({
        title: `Sign in to ${server.label}`,
        prompt: live
          ? `Paste a Bilt API key (create one at ${API_KEYS_PAGE}). It is kept in VS Code's secret storage.`
          : `Paste the token for ${server.url}. It is kept in VS Code's secret storage.`,
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? undefined : 'A token is required'),
      }),
    );
  if (!token.trim()) {
    throw new BiltError('invalid_input', 'The token is empty');
  }
  await deps.tokens.set(server.url, token.trim());
  const remote = deps.settings().remote;
  if (!remote.some((r) => r.url === server.url)) {
    await saveRemoteServers([...remote, server]);
  }
  deps.log.info(`signed in to ${server.url} (token stored in secret storage)`);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Bilt: signing in to ${server.label}…` },
    async () => {
      // the extension adds the server to the store when the settings change
      if (!(await waitFor(deps.store, () => deps.store.snapshot(server.url) !== undefined, 3000))) {
        void vscode.window.showInformationMessage(
          `The token for ${server.label} is stored; the server appears in the Sessions view once the settings are read.`,
        );
        return 'unknown';
      }
      await deps.store.refresh(server.url);
      const snap = deps.store.snapshot(server.url);
      const st = snap?.status;
      if (st?.state === 'ready') {
        const n = snap?.projects?.length;
        void vscode.window.showInformationMessage(
          `Signed in to ${server.label}${n !== undefined ? ` · ${n} project${n === 1 ? '' : 's'}` : ''}.`,
        );
      } else if (st?.state === 'unauthorized' || st?.state === 'signed-out') {
        const why = st.state === 'unauthorized' ? `: ${st.error.message}` : '';
        void vscode.window
          .showErrorMessage(`${server.label} did not accept the token${why}.`, 'Sign In Again')
          .then((a) => a && vscode.commands.executeCommand(COMMANDS.signIn, { serverId: server.url }));
      } else if (st) {
        const why = 'error' in st ? `: ${st.error.message}` : st.state === 'rate-limited' ? ': rate limited' : '';
        void vscode.window
          .showWarningMessage(
            `The token for ${server.label} is stored, but the server cannot be used right now${why}.`,
            'Show Diagnostics',
          )
          .then((a) => a && vscode.commands.executeCommand(COMMANDS.showLogs));
      }
      return st?.state ?? 'unknown';
    },
  );
}

export const registerSignIn = (deps: CommandDeps) =>
  registerCommand(COMMANDS.signIn, 'sign in', deps.log, async (arg, token?: unknown) => {
    const server = await targetServer(deps, arg);
    if (!server) {
      void vscode.window.showInformationMessage('The local engine needs no sign-in.');
      return undefined;
    }
    return signInTo(deps, server, typeof token === 'string' ? token : undefined);
  });
