/**
 * What the actions work with, passed in by whoever runs them: the shared store (one cache, one client
 * per server) and where the workspace keeps its linked project. The extension passes its BiltStore and
 * its workspace state; tests pass fakes. Nothing here knows about VS Code.
 */
import type { SessionRef, SessionView } from '../api/backend';
import type { BiltClient } from '../api/client';
import type { ServerSnapshot } from '../api/store/types';

/** A project on a server: what every action acts on. */
export interface Target {
  serverId: string;
  projectId: string;
}

/** The parts of a connected client the actions use. */
export type ActionClient = Pick<BiltClient, 'backend' | 'watch'>;

/** The parts of the shared store (src/api/store) the actions use. */
export interface ActionStore {
  snapshots(): ServerSnapshot[];
  snapshot(serverId: string): ServerSnapshot | undefined;
  /** The project's session, pushed or freshly read. */
  loadSession(serverId: string, projectId: string): Promise<SessionView>;
  /** Something changed on the server: refresh what it touched. */
  afterAction(serverId: string, ref?: Partial<SessionRef>): void;
  client(serverId: string, signal?: AbortSignal): Promise<ActionClient>;
}

/** The project this workspace is linked to (pickers and agents use it when none is named). */
export interface ProjectLinks {
  get(): Target | undefined;
  /** `projectName` is written beside the ids for people (the workspace's link file). */
  set(link: Target | undefined, projectName?: string): Promise<void>;
}

/**
 * The account (a remote server) this workspace uses when several are signed in: its projects come first
 * in pickers, and it is where a new project goes when no project is linked. The extension keeps it in
 * workspaceState ("Bilt: Choose Account for This Workspace").
 */
export interface WorkspaceAccount {
  /** The chosen server's id, or undefined when the workspace has no preference. */
  get(): string | undefined;
}

export interface ActionContext {
  store: ActionStore;
  links: ProjectLinks;
  /** Absent where there are no workspaces (the bridge, tests): no preference. */
  account?: WorkspaceAccount | undefined;
}

/** Every action's call options. */
export interface ActionOptions {
  signal?: AbortSignal | undefined;
}

/** Options of the actions that change something: `confirmed` says a person has agreed to it. */
export interface WriteOptions extends ActionOptions {
  confirmed?: boolean | undefined;
}
