/** What needs the user and what is running, across servers: for the badge, the status bar and notifications. */
import type { SessionView } from '../api/backend';
import type { ServerSnapshot } from '../api/store/types';
import type { Workflow } from '../core/model';

export interface Attention {
  serverId: string;
  projectId: string;
  projectName: string;
  sessionId: string;
  workflow: Workflow;
}

/** Paused by the workflow itself (questions, secrets, Supabase): only the user can move it on. */
export const workflowNeedsUser = (w: Workflow | undefined) => w?.status === 'paused' && w.pause !== null;
export const needsUser = (v: SessionView | undefined) => workflowNeedsUser(v?.workflows[0]);

export const isRunning = (v: SessionView | undefined) => {
  const s = v?.workflows[0]?.status;
  return s === 'running' || s === 'pending';
};

function collect(snapshots: ServerSnapshot[], pick: (v: SessionView | undefined) => boolean): Attention[] {
  const out: Attention[] = [];
  for (const s of snapshots) {
    for (const e of s.projects ?? []) {
      const w = e.session?.workflows[0];
      if (w && e.session && pick(e.session)) {
        out.push({
          serverId: s.server.id,
          projectId: e.project.id,
          projectName: e.project.name,
          sessionId: e.session.session.id,
          workflow: w,
        });
      }
    }
  }
  return out;
}

export const waitingForUser = (s: ServerSnapshot[]) => collect(s, needsUser);
export const running = (s: ServerSnapshot[]) => collect(s, isRunning);

export function badge(snapshots: ServerSnapshot[], unread = 0): { value: number; tooltip: string } | undefined {
  const n = waitingForUser(snapshots).length;
  const words = [
    ...(n ? [`${n} session${n === 1 ? '' : 's'} need${n === 1 ? 's' : ''} you`] : []),
    ...(unread ? [`${unread} finished since you looked`] : []),
  ];
  return n + unread ? { value: n + unread, tooltip: words.join(', ') } : undefined;
}

export function statusBar(
  snapshots: ServerSnapshot[],
): { text: string; tooltip: string; warning: boolean } | undefined {
  const r = running(snapshots).length;
  const u = waitingForUser(snapshots).length;
  if (!r && !u) {
    return undefined;
  }
  const parts = [...(r ? [`$(loading~spin) ${r}`] : []), ...(u ? [`$(bell) ${u}`] : [])];
  const words = [
    ...(r ? [`${r} workflow${r === 1 ? '' : 's'} running`] : []),
    ...(u ? [`${u} need${u === 1 ? 's' : ''} you`] : []),
  ];
  return { text: `Bilt ${parts.join(' ')}`, tooltip: `${words.join(', ')}. Click to list them.`, warning: u > 0 };
}

/** completed, failed and needs-input notify by default; `changed` (any other change of status) only watched projects. */
export type WorkflowEvent = 'completed' | 'failed' | 'needs-input' | 'changed';

/** Which workflows changed state between two snapshots in a way worth a notification. */
export function transitions(
  before: ServerSnapshot[],
  after: ServerSnapshot[],
): Array<Attention & { event: WorkflowEvent }> {
  const prev = new Map<string, Workflow>();
  for (const s of before) {
    for (const e of s.projects ?? []) {
      for (const w of e.session?.workflows ?? []) {
        prev.set(`${s.server.id}/${w.id}`, w);
      }
    }
  }
  const out: Array<Attention & { event: WorkflowEvent }> = [];
  for (const a of collect(after, () => true)) {
    const old = prev.get(`${a.serverId}/${a.workflow.id}`);
    if (!old || old.status === a.workflow.status) {
      continue;
    }
    const event: WorkflowEvent =
      a.workflow.status === 'completed'
        ? 'completed'
        : a.workflow.status === 'failed'
          ? 'failed'
          : workflowNeedsUser(a.workflow)
            ? 'needs-input'
            : 'changed';
    out.push({ ...a, event });
  }
  return out;
}
