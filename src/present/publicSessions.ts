/**
 * What the public extension API (src/ui/publicApi.ts) says about servers and sessions: plain, stable
 * objects made from the store's snapshots, and which sessions changed state between two of them.
 */
import type { ServerSnapshot } from '../api/store/types';
import type { SessionStatus } from '../core/status';

export interface BiltServerInfo {
  id: string;
  label: string;
  kind: 'local' | 'remote';
  url: string | undefined;
  /** connecting, ready, signed-out, unauthorized, unreachable, rate-limited or error. */
  state: string;
}

export interface BiltSessionInfo {
  serverId: string;
  projectId: string;
  projectName: string;
  sessionId: string;
  /** The session's state: idle, pending, running, paused, completed, failed or cancelled. */
  status: SessionStatus;
  /** questions, secrets or supabase while paused for the person; undefined otherwise. */
  pauseType: string | undefined;
  percentage: number | undefined;
  step: string | undefined;
  workflowId: string | undefined;
  resultUrl: string | undefined;
  updatedAt: string;
}

export interface BiltSessionChange {
  session: BiltSessionInfo;
  /** undefined when the session was not known before. */
  previousStatus: SessionStatus | undefined;
}

export function serverInfos(snapshots: readonly ServerSnapshot[]): BiltServerInfo[] {
  return snapshots.map((s) => ({
    id: s.server.id,
    label: s.server.label,
    kind: s.server.kind,
    url: s.server.url,
    state: s.status.state,
  }));
}

/** Every session the store has read (a project never read has none yet). */
export function sessionInfos(snapshots: readonly ServerSnapshot[]): BiltSessionInfo[] {
  return snapshots.flatMap((s) =>
    (s.projects ?? []).flatMap((e) => {
      if (!e.session) {
        return [];
      }
      const w = e.session.workflows[0];
      return [
        {
          serverId: s.server.id,
          projectId: e.project.id,
          projectName: e.project.name,
          sessionId: e.session.session.id,
          status: e.session.session.status,
          pauseType: w?.status === 'paused' ? (w.pause?.type ?? undefined) : undefined,
          percentage: w?.progress?.percentage,
          step: w?.progress?.currentStep,
          workflowId: w?.id,
          resultUrl: w?.result?.url,
          updatedAt: e.session.session.updatedAt,
        },
      ];
    }),
  );
}

/** The sessions whose status (or pause) is not what it was. */
export function sessionChanges(
  before: readonly BiltSessionInfo[],
  after: readonly BiltSessionInfo[],
): BiltSessionChange[] {
  const key = (s: BiltSessionInfo) => `${s.serverId}|${s.sessionId}`;
  const old = new Map(before.map((s) => [key(s), s]));
  return after.flatMap((s) => {
    const was = old.get(key(s));
    return was?.status === s.status && was.pauseType === s.pauseType
      ? []
      : [{ session: s, previousStatus: was?.status }];
  });
}
