/**
 * What each tree row shows, derived from the store's state only: label, words, tooltip, look, and the
 * contextValue tokens the menus match (state-gated actions live in package.json `when` clauses on
 * these tokens, e.g. `viewItem =~ /\bcancelable\b/`).
 */
import type { Capabilities, SessionView } from '../api/backend';
import type { ProjectEntry } from '../api/store/types';
import type { Workflow } from '../core/model';
import { canCancel, canResume, isActive } from '../core/status';
import { ERROR_ICON, PROJECT_ICON, statusLook, type Look } from './icons';
import { ago, clock, duration } from './time';

export interface RowModel {
  id: string;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip: string;
  look: Omit<Look, 'words'>;
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  accessibility: string;
  /** Shown emphasized (an unread session). */
  emphasis?: boolean;
}

export const excerpt = (s: string, n = 60) => {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
};
export const md = (s: string) => s.replace(/([\\`*_{}[\]()#+\-.!|<>])/g, '\\$1');

/**
 * The state-gated actions a row offers, as contextValue tokens. `caps`: what the row's server can do
 * (a gateway cannot answer questions, can pause and delete); unknown until connected, then Bilt's.
 */
export function workflowTokens(w: Workflow | undefined, caps?: Capabilities): string[] {
  const deletable = caps?.delete ? ['deletable'] : [];
  if (!w) {
    return ['status-idle', 'can-send', ...deletable];
  }
  const t = [`status-${w.status}`, ...deletable];
  if (canCancel(w.status)) {
    t.push('cancelable');
  }
  if (canResume(w.status, w.interrupted) && w.pause?.type !== 'questions') {
    t.push('resumable');
  }
  if (w.status === 'paused' && w.pause?.type === 'questions' && caps?.answers !== false) {
    t.push('answerable');
  }
  if (w.status === 'running' && caps?.pause) {
    t.push('pausable');
  }
  if (!isActive(w.status)) {
    t.push('can-send');
  }
  if (w.result?.url) {
    t.push('has-url');
  }
  return t;
}

export function progressWords(w: Workflow | undefined): string | undefined {
  const p = w?.progress;
  if (!w || !p || !isActive(w.status)) {
    return undefined;
  }
  return [`${Math.round(p.percentage)}%`, p.currentStep].filter(Boolean).join(' ');
}

/** One line that says where a session stands: "running · 40% Building", "needs your answers", "completed 3 min ago". */
export function sessionWords(view: SessionView | undefined, now: number): string {
  const w = view?.workflows[0];
  if (!w) {
    return 'idle';
  }
  const look = statusLook(w.status, w.pause?.type);
  const progress = progressWords(w);
  if (progress) {
    return `${look.words} · ${progress}`;
  }
  if (!isActive(w.status)) {
    return `${look.words} ${ago(Date.parse(w.updatedAt), now)}`;
  }
  return look.words;
}

export function projectRow(serverId: string, e: ProjectEntry, now: number, caps?: Capabilities): RowModel {
  const w = e.session?.workflows[0];
  const look = statusLook(w?.status ?? 'idle', w?.pause?.type);
  const words = e.error ? 'could not load' : e.session ? sessionWords(e.session, now) : undefined;
  const tooltip = [
    `**${md(e.project.name)}**${e.project.description ? ` — ${md(e.project.description)}` : ''}`,
    `${e.project.visibility} · created ${ago(Date.parse(e.project.createdAt), now)}`,
    ...(words ? [`Status: ${words}`] : []),
  ].join('  \n');
  return {
    id: `project:${serverId}:${e.project.id}`,
    label: e.project.name,
    ...(words ? { description: words } : {}),
    tooltip,
    look: e.session ? { icon: look.icon, ...(look.color ? { color: look.color } : {}) } : { icon: PROJECT_ICON },
    contextValue: ['project', ...workflowTokens(w, caps)].join(' '),
    collapsible: 'collapsed',
    accessibility: `Project ${e.project.name}${words ? `, ${words}` : ''}`,
  };
}

export function sessionRow(serverId: string, view: SessionView, now: number, caps?: Capabilities): RowModel {
  const w = view.workflows[0];
  const look = statusLook(view.session.status, w?.pause?.type);
  const words = sessionWords(view, now);
  const tooltip = [
    `**Session** \`${view.session.id}\``,
    `Status: ${words}`,
    `Updated ${ago(Date.parse(view.session.updatedAt), now)} (${clock(Date.parse(view.session.updatedAt))} UTC)`,
    `${view.workflows.length} workflow${view.workflows.length === 1 ? '' : 's'}`,
  ].join('  \n');
  return {
    id: `session:${serverId}:${view.session.id}`,
    label: 'Session',
    description: words,
    tooltip,
    look: { icon: look.icon, ...(look.color ? { color: look.color } : {}) },
    contextValue: ['session', ...workflowTokens(w, caps)].join(' '),
    // always expandable: a row created without children keeps VS Code's state when its first workflow arrives
    collapsible: 'expanded',
    accessibility: `Session, ${words}`,
  };
}

export function workflowRow(serverId: string, w: Workflow, now: number, caps?: Capabilities): RowModel {
  const look = statusLook(w.status, w.pause?.type);
  const progress = progressWords(w);
  const started = Date.parse(w.startedAt ?? w.createdAt);
  const ended = w.endedAt ? Date.parse(w.endedAt) : undefined;
  const description = [
    look.words,
    progress ?? (ended ? duration(started, ended) : ago(Date.parse(w.updatedAt), now)),
  ].join(' · ');
  const tooltip = [
    `**${md(excerpt(w.message, 200))}**`,
    `Status: ${look.words}${progress ? ` · ${progress}` : ''}`,
    `Started ${ago(started, now)}${ended ? ` · took ${duration(started, ended)}` : ''}`,
    ...(w.pause?.type === 'questions' ? [`Waiting for answers to ${w.pause.questions?.length ?? 0} question(s)`] : []),
    ...(w.pause && w.pause.type !== 'questions'
      ? [`Action needed at ${w.pause.projectUrl ?? 'the project page'}`]
      : []),
    ...(w.result?.url ? [`Result: ${w.result.url}`] : []),
    ...(w.error ? [`Error: ${md(w.error)}`] : []),
    ...(w.cancelReason ? [`Cancelled: ${md(w.cancelReason)}`] : []),
  ].join('  \n');
  return {
    id: `workflow:${serverId}:${w.id}`,
    label: excerpt(w.message),
    description,
    tooltip,
    look: { icon: look.icon, ...(look.color ? { color: look.color } : {}) },
    contextValue: ['workflow', ...workflowTokens(w, caps).filter((t) => t !== 'deletable')].join(' '),
    collapsible: 'none',
    accessibility: `Workflow ${excerpt(w.message)}, ${description}`,
  };
}

export function errorRow(id: string, message: string): RowModel {
  return {
    id,
    label: message,
    tooltip: md(message),
    look: { icon: ERROR_ICON, color: 'list.warningForeground' },
    contextValue: 'error',
    collapsible: 'none',
    accessibility: message,
  };
}
