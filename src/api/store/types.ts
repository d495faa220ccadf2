/**
 * The one cache of what every configured Bilt server holds, shared by the tree, the status bar, the
 * notifications, the commands and the in-editor agent tools (vscode-free; src/ui adapts it). It owns
 * refreshing: push from the local engine, adaptive polling for remote servers within their request
 * budget, never one request per tree row.
 */
import { BiltError, isBiltError } from '../../core/errors';
import type { Project } from '../../core/model';
import type { Capabilities, SessionRef, SessionView } from '../backend';
import type { BiltClient, ServerKind } from '../client';
import type { ServerEvent } from '../watch/serverEvents';

export interface ServerConfig {
  /** Stable id ("local" for the embedded engine, else derived from the URL). */
  id: string;
  label: string;
  kind: 'local' | 'remote';
  /** Remote servers only. */
  url?: string;
  /** Remote servers only: what it speaks, when the settings say ('bilt': a Bilt MCP server; 'session-api': an agent gateway); detected otherwise. */
  protocol?: ServerProtocol | undefined;
}

export type ServerProtocol = ServerKind;
export const SERVER_PROTOCOLS = ['bilt', 'session-api'] as const satisfies readonly ServerKind[];

/**
 * Opens a connected client for a server (the UI supplies it: engine discovery, SecretStorage tokens).
 * The store calls it again whenever it must re-discover (the local engine restarted on another port).
 * Errors it throws become the server's state: `signedOut()` (no token stored) → 'signed-out';
 * BiltError 'unauthorized' → 'unauthorized'; 'unavailable' → 'unreachable' (retried with backoff);
 * 'rate_limited' → 'rate-limited'; anything else → 'error' (retried).
 */
export type Connector = (server: ServerConfig, signal: AbortSignal) => Promise<BiltClient>;

/** What a Connector throws when the server needs a token and none is stored (state 'signed-out'). */
export function signedOut(message = 'Not signed in'): BiltError {
  return new BiltError('unauthorized', message, { signedOut: true, message: 'Sign in to this server' });
}

export function isSignedOut(e: unknown): boolean {
  return isBiltError(e) && e.code === 'unauthorized' && e.details['signedOut'] === true;
}

export type ServerState =
  | { state: 'connecting' }
  | { state: 'ready' }
  /** No token for a server that needs one. */
  | { state: 'signed-out' }
  | { state: 'unauthorized'; error: BiltError }
  | { state: 'unreachable'; error: BiltError; retryAt: number }
  | { state: 'rate-limited'; retryAt: number }
  | { state: 'error'; error: BiltError; retryAt: number };

export interface ProjectEntry {
  project: Project;
  /** The project's current session, once loaded (remote: when expanded or active). */
  session?: SessionView;
  /** Loading this project's session failed (shown as a row under it). */
  error?: BiltError;
  /** When `session` was last read. */
  readAt?: number;
}

export interface ServerSnapshot {
  server: ServerConfig;
  status: ServerState;
  /** undefined until the first list arrives (or from the persisted cache). */
  projects: ProjectEntry[] | undefined;
  /** The data comes from the persisted cache of a previous window and has not been refreshed yet. */
  stale: boolean;
  updatedAt?: number;
  /** When the next scheduled refresh will run (undefined when refreshing is paused or pushed). */
  nextRefreshAt?: number;
  /** The server pushes changes (local engine events). */
  live: boolean;
  /** What the connected server can do (undefined until connected); menus and the message line read it. */
  capabilities?: Capabilities | undefined;
}

/** What survives a window reload (kept in globalState by the UI). */
export interface PersistedServer {
  serverId: string;
  updatedAt: number;
  projects: Array<{ project: Project; session?: SessionView }>;
}

/** The timer seam (tests pass fake timers; the default is the global setTimeout). */
export interface StoreTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Opens a server-wide event stream on a connected client (tests pass a fake; default: GET eventsUrl). */
export type EventsOpener = (
  client: BiltClient,
  lastEventId: string | undefined,
  signal: AbortSignal,
) => AsyncIterable<ServerEvent>;

export interface StoreOptions {
  connect: Connector;
  now?: () => number;
  timers?: StoreTimers;
  /** Poll intervals for remote servers: active sessions (default 5 s, backing off while unchanged to followCapMs), the project list (default 30 s). */
  activeMs?: number;
  idleMs?: number;
  /** First retry after an error (default 2 s), doubling up to maxBackoffMs (default 5 min; 30 s for push servers). */
  retryMs?: number;
  maxBackoffMs?: number;
  /** Gaps between the reads of a session after an action (default 500, 1000, 2000, 4000 ms). */
  burstMs?: number[];
  /** Session reads one polling tick may make at most (default 4); the rest wait for the next tick. */
  maxReadsPerTick?: number;
  /** The list's interval while the view is hidden or the window inactive (default 4 × idleMs). */
  hiddenListMs?: number;
  /** A followed (active) session's shortest interval while hidden or inactive (default 20 s). */
  hiddenActiveMs?: number;
  /** A followed session is read at least this often, in every state (default 30 s). */
  followCapMs?: number;
  /** Scheduled requests in any minute, at most (default 30: half of a 60/min budget, the rest for actions). */
  maxPerMinute?: number;
  openEvents?: EventsOpener;
  log?: (line: string) => void;
}

export type Unsubscribe = () => void;

export interface BiltStoreApi {
  /** Replaces the configured servers (added/removed/edited); keeps data of servers that stay. */
  setServers(servers: ServerConfig[]): void;
  snapshots(): ServerSnapshot[];
  snapshot(serverId: string): ServerSnapshot | undefined;
  /** Fires with the id of the server whose data or status changed. */
  onDidChange(listener: (serverId: string) => void): Unsubscribe;
  /**
   * Refresh now: one server or all. Reconnects through the Connector (a new token after signing in or
   * out, an engine that moved), then reads the list and sessions (push: all; poll: the active ones and
   * up to maxReadsPerTick loaded ones, least recently read first, within one tick's cap); the replaced
   * client stays open for a grace (a command may still be using it). An id not configured is ignored.
   */
  refresh(serverId?: string): Promise<void>;
  /**
   * A project's session (tree expanded it; a command needs it): the pushed or recently read view
   * (within activeMs), else read now. A session found active is then polled until it settles.
   */
  loadSession(serverId: string, projectId: string): Promise<SessionView>;
  /**
   * A mutation happened (send, cancel, resume, answer, create; by a command or an agent tool): burst-refresh
   * it (reads after each gap of burstMs, even while polling is paused; the list too when the project is
   * new or no ref is given). Nothing to do on push servers.
   */
  afterAction(serverId: string, ref?: Partial<SessionRef>): void;
  /** Window focus and view visibility: polling pauses when the window is inactive or the view hidden. */
  setActivity(a: { windowFocused: boolean; viewVisible: boolean }): void;
  /** The connected client of a server (for commands). */
  client(serverId: string, signal?: AbortSignal): Promise<BiltClient>;
  /** Load persisted data shown as stale until refreshed. */
  restore(persisted: PersistedServer[]): void;
  persist(): PersistedServer[];
  dispose(): void;
}
