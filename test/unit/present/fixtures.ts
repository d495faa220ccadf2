/** Builders for the present/ tests: domain objects with defaults, overridden per test. */
import type { SessionView } from '../../../src/api/backend';
import type { ProjectEntry, ServerSnapshot, ServerState } from '../../../src/api/store/types';
import type { Message, Project, Workflow } from '../../../src/core/model';
import type { SessionStatus } from '../../../src/core/status';

export const NOW = Date.parse('2026-05-01T12:00:00.000Z');
export const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString();

export function project(o: Partial<Project> = {}): Project {
  return {
    id: 'p1',
    name: 'habit-tracker',
    description: null,
    visibility: 'private',
    createdAt: iso(3_600_000),
    updatedAt: iso(60_000),
    ...o,
  };
}

export function workflow(o: Partial<Workflow> = {}): Workflow {
  return {
    id: 'w1',
    sessionId: 's1',
    projectId: 'p1',
    status: 'completed',
    message: 'Add a login screen',
    progress: null,
    pause: null,
    result: null,
    error: null,
    cancelReason: null,
    interrupted: false,
    createdAt: iso(120_000),
    startedAt: iso(110_000),
    endedAt: o.status && ['pending', 'running', 'paused'].includes(o.status) ? null : iso(50_000),
    updatedAt: iso(50_000),
    ...o,
  };
}

export function view(workflows: Workflow[] = [], o: { id?: string; projectId?: string } = {}): SessionView {
  const status: SessionStatus = workflows[0]?.status ?? 'idle';
  return {
    session: {
      id: o.id ?? 's1',
      projectId: o.projectId ?? 'p1',
      status,
      progress: workflows[0]?.progress ?? null,
      workflowId: workflows[0]?.id ?? null,
      messageCount: 0,
      createdAt: iso(3_600_000),
      updatedAt: iso(50_000),
    },
    workflows,
  };
}

export function entry(p: Partial<Project> = {}, workflows?: Workflow[]): ProjectEntry {
  const proj = project(p);
  return {
    project: proj,
    ...(workflows
      ? {
          session: view(
            workflows.map((w) => ({ ...w, projectId: proj.id })),
            { projectId: proj.id, id: `s-${proj.id}` },
          ),
        }
      : {}),
  };
}

export function snapshot(o: Partial<ServerSnapshot> & { id?: string; status?: ServerState } = {}): ServerSnapshot {
  const id = o.id ?? 'local';
  return {
    server:
      o.server ??
      (id === 'local'
        ? { id, label: 'Local engine', kind: 'local' }
        : { id, label: new URL(id).host, kind: 'remote', url: id }),
    status: o.status ?? { state: 'ready' },
    projects: 'projects' in o ? o.projects : [],
    stale: o.stale ?? false,
    updatedAt: o.updatedAt ?? NOW - 20_000,
    nextRefreshAt: o.nextRefreshAt,
    live: o.live ?? false,
    capabilities: o.capabilities,
  };
}

export function message(seq: number, o: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    sessionId: 's1',
    workflowId: 'w1',
    seq,
    side: 'ai',
    variant: 'info',
    text: `message ${seq}`,
    createdAt: `2026-05-01T10:42:${String(seq % 60).padStart(2, '0')}.000Z`,
    ...o,
  };
}
