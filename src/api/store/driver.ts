/** What a server's runtime asks of the part that keeps its data fresh (push or poll). */
import type { SessionRef, SessionView } from '../backend';
import type { BiltClient } from '../client';
import type { ServerRuntime } from './runtime';

export interface Driver {
  readonly live: boolean;
  /** Starts keeping the data fresh; resolves once the first load succeeded or failed (`full`: every loaded session too). */
  start(full: boolean): Promise<void>;
  loadSession(projectId: string): Promise<SessionView>;
  afterAction(ref: Partial<SessionRef> | undefined): void;
  activityChanged(): void;
  stop(): void;
}

export interface RuntimeContext {
  /** Something a snapshot shows changed (coalesced by the store). */
  changed(): void;
  /** Window focused and view visible. */
  active(): boolean;
  makeDriver(rt: ServerRuntime, client: BiltClient): Driver;
}
