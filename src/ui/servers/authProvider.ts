/**
 * Bilt in VS Code's Accounts menu: an authentication provider (`bilt`) with one account per remote server
 * that has a token. A session's id and its account's id are the server's URL, its label the server's
 * label (its host when two servers share one), its scope `server:<url>`, its access token the server's
 * token. It is a view of src/ui/servers/tokens.ts, not a second store: signing in from the Accounts
 * menu (createSession) and the "Bilt: Sign In" command are one function (signInTo), as are signing out
 * there (removeSession) and "Bilt: Sign Out" (signOutOf). Token changes in any window (SecretStorage
 * syncs them) are announced as added, removed or changed sessions. Tokens are never logged.
 */
import * as vscode from 'vscode';
import type { CommandDeps } from '../commands/deps';
import { Cancelled } from '../commands/run';
import { signInTo, targetServer } from '../commands/signIn';
import { signOutOf } from '../commands/signOut';
import { labelFor, normalizeUrl, onSettingsChange } from '../config';
import { AUTH_PROVIDER, LOCAL_SERVER_ID, SERVER_SCOPE_PREFIX } from '../ids';

/** The scope that names a server's account. */
export const serverScope = (url: string): string => `${SERVER_SCOPE_PREFIX}${normalizeUrl(url)}`;

/** The server URLs scopes name (`server:<url>`); empty when they name none. */
export function serversIn(scopes: readonly string[] | undefined): string[] {
  return (scopes ?? [])
    .filter((s) => s.startsWith(SERVER_SCOPE_PREFIX))
    .map((s) => normalizeUrl(s.slice(SERVER_SCOPE_PREFIX.length)))
    .filter((url) => /^https?:\/\/[^/]/.test(url) && URL.canParse(url));
}

type SessionsChange = vscode.AuthenticationProviderAuthenticationSessionsChangeEvent;

export class BiltAuthProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SessionsChange>();
  readonly onDidChangeSessions = this.changed.event;
  /** The sessions as last announced, by server id: what a token change added, removed or changed. */
  private readonly known = new Map<string, vscode.AuthenticationSession>();
  /** Token changes are compared one at a time, in the order they came. */
  private queue: Promise<void>;
  private readonly subs: vscode.Disposable[];

  constructor(private readonly deps: CommandDeps) {
    this.queue = this.remember().catch((e) => deps.log.error('accounts: reading the tokens failed', e));
    this.subs = [
      this.changed,
      deps.tokens.onDidChange((serverId) => void this.tokenChanged(serverId)),
      // a server renamed in the settings: its account's label follows
      onSettingsChange(() => this.candidates().forEach((id) => void this.tokenChanged(id))),
    ];
  }

  async getSessions(
    scopes: readonly string[] | undefined,
    options?: vscode.AuthenticationProviderSessionOptions,
  ): Promise<vscode.AuthenticationSession[]> {
    const named = serversIn(scopes);
    const ids = named.length ? named : this.candidates();
    const sessions = await Promise.all(ids.map((id) => this.sessionOf(id)));
    return sessions.filter(
      (s): s is vscode.AuthenticationSession => !!s && (!options?.account || s.account.id === options.account.id),
    );
  }

  /** Signs in as "Bilt: Sign In" does: the server the scopes (or the account) name, else the one picked. */
  async createSession(
    scopes: readonly string[],
    options?: vscode.AuthenticationProviderSessionOptions,
  ): Promise<vscode.AuthenticationSession> {
    const url = serversIn(scopes)[0] ?? (options?.account ? normalizeUrl(options.account.id) : undefined);
    try {
      const server = url ? { url, label: this.serverLabel(url) } : await targetServer(this.deps, undefined);
      if (!server) {
        throw new Error('The local engine needs no sign-in.');
      }
      await signInTo(this.deps, server);
      await this.tokenChanged(server.url);
      const session = this.known.get(server.url);
      if (!session) {
        throw new Error(`Not signed in to ${server.label}.`);
      }
      return session;
    } catch (e) {
      throw e instanceof Cancelled ? new vscode.CancellationError() : e;
    }
  }

  /** Signs out as "Bilt: Sign Out" does. */
  async removeSession(sessionId: string): Promise<void> {
    await signOutOf(this.deps, { id: sessionId, label: this.serverLabel(sessionId) });
    await this.tokenChanged(sessionId);
  }

  dispose(): void {
    for (const s of this.subs) {
      s.dispose();
    }
  }

  /** A server's token (or label) changed, in this window or another: announce what that did to its session. */
  private tokenChanged(serverId: string): Promise<void> {
    this.queue = this.queue.then(async () => {
      const before = this.known.get(serverId);
      const now = await this.sessionOf(serverId);
      if (now) {
        this.known.set(serverId, now);
      } else {
        this.known.delete(serverId);
      }
      if (now && !before) {
        this.changed.fire({ added: [now], removed: [], changed: [] });
      } else if (before && !now) {
        this.changed.fire({ added: [], removed: [before], changed: [] });
      } else if (before && now && before.account.label !== now.account.label) {
        // VS Code keeps who may use an account by its label: a new label is a new account
        this.changed.fire({ added: [now], removed: [before], changed: [] });
      } else if (before && now && before.accessToken !== now.accessToken) {
        this.changed.fire({ added: [], removed: [], changed: [now] });
      }
    });
    // a failed read announces nothing, and the next change is compared as usual
    this.queue = this.queue.catch((e) => this.deps.log.error('accounts: reading a token failed', e));
    return this.queue;
  }

  /** The sessions there are at start, without announcing them (VS Code asks getSessions). */
  private async remember(): Promise<void> {
    for (const id of this.candidates()) {
      const session = await this.sessionOf(id);
      if (session) {
        this.known.set(id, session);
      }
    }
  }

  /** The servers that may have an account: the configured remote ones and those already announced. */
  private candidates(): string[] {
    return [...new Set([...this.deps.settings().remote.map((r) => r.url), ...this.known.keys()])];
  }

  private async sessionOf(serverId: string): Promise<vscode.AuthenticationSession | undefined> {
    if (serverId === LOCAL_SERVER_ID) {
      return undefined;
    }
    const token = await this.deps.tokens.get(serverId);
    if (!token) {
      return undefined;
    }
    return {
      id: serverId,
      accessToken: token,
      account: { id: serverId, label: this.accountLabel(serverId) },
      scopes: [serverScope(serverId)],
    };
  }

  private serverLabel(url: string): string {
    return (
      this.deps.settings().remote.find((r) => r.url === url)?.label ??
      this.deps.store.snapshot(url)?.server.label ??
      labelFor(url)
    );
  }

  /** The server's label; with its host when another server has the same label (labels name accounts). */
  private accountLabel(url: string): string {
    const label = this.serverLabel(url);
    const shared = this.deps.settings().remote.some((r) => r.url !== url && r.label === label);
    return shared ? `${label} (${new URL(url).host})` : label;
  }
}

/** Registers the provider; VS Code lists its accounts in the Accounts menu. */
export function registerAuthProvider(deps: CommandDeps): vscode.Disposable {
  const provider = new BiltAuthProvider(deps);
  return vscode.Disposable.from(
    provider,
    vscode.authentication.registerAuthenticationProvider(AUTH_PROVIDER.id, AUTH_PROVIDER.label, provider, {
      supportsMultipleAccounts: true,
    }),
  );
}
