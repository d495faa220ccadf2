/**
 * What every bridge tool shares: the upstream client (connected on first use), the map from session
 * ids to projects (the live contract keys by project), and the waiting limit.
 */
import { BiltError } from '../../core/errors';
import type { Session } from '../../core/model';
import type { SessionRef } from '../../api/backend';
import type { BiltClient } from '../../api/client';

/** What the bridge needs of a client (a BiltClient; tests pass fakes). */
export type UpstreamClient = Pick<BiltClient, 'backend' | 'watch'>;

export interface BridgeContext {
  client(signal?: AbortSignal): Promise<UpstreamClient>;
  sessions: SessionDirectory;
  /** Longest wait_for_response, in ms (5 minutes unless BILT_WAIT_TIMEOUT says otherwise). */
  waitTimeoutMs: number;
  /** A lost upstream is found again by connecting afresh (the local engine, found or started again). */
  reconnects: boolean;
  /** Forgets the upstream connection: the next client() connects afresh. */
  reset(): Promise<void>;
  log(line: string): void;
}

export class SessionDirectory {
  private readonly projectOf = new Map<string, string>();

  remember(s: Pick<Session, 'id' | 'projectId'>): void {
    this.projectOf.set(s.id, s.projectId);
  }

  /** Both ids of a session; an unknown one is looked up (seed: directly; live: project by project; a gateway: the same id). */
  async ref(client: UpstreamClient, sessionId: string, signal?: AbortSignal): Promise<SessionRef> {
    const known = this.projectOf.get(sessionId);
    if (known) {
      return { sessionId, projectId: known };
    }
    if (client.backend.kind === 'session-api') {
      // a gateway's session is its own project (src/api/backend.ts)
      return { sessionId, projectId: sessionId };
    }
    if (client.backend.kind === 'mcp-seed') {
      const v = await client.backend.getSession({ sessionId }, { signal });
      this.remember(v.session);
      return { sessionId, projectId: v.session.projectId };
    }
    for (const p of await client.backend.listProjects({ signal })) {
      const v = await client.backend.getSession({ projectId: p.id }, { signal });
      this.remember(v.session);
      if (v.session.id === sessionId) {
        return { sessionId, projectId: p.id };
      }
    }
    throw new BiltError('not_found', 'Session not found', {
      session_id: sessionId,
      message: 'Session not found: call bilt_get_session with a project_id to get its session_id',
    });
  }
}
