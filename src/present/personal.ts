/**
 * What a person chose and saw, as rules (the UI keeps the data: src/ui/personal.ts). Per project, how
 * much it notifies: watch (every change), default (completed, failed, needs you) or mute (nothing; not in
 * the status bar either). Per session, whether its last ended workflow was seen: unread until its row or
 * its log is opened.
 */
import type { SessionView } from '../api/backend';
import type { ServerSnapshot } from '../api/store/types';
import type { RowModel } from './rows';
import type { Workflow } from '../core/model';
import { isTerminal } from '../core/status';
import type { WorkflowEvent } from './attention';

export const NOTIFY_LEVELS = ['watch', 'default', 'mute'] as const;
export type NotifyLevel = (typeof NOTIFY_LEVELS)[number];

export const projectKey = (serverId: string, projectId: string) => `${serverId}\n${projectId}`;

/** Whether a change of a project at `level` is worth a notification. */
export function notifies(level: NotifyLevel, event: WorkflowEvent): boolean {
  return level === 'watch' || (level === 'default' && event !== 'changed');
}

/** What marks a session's ended workflow as seen. */
export const seenMark = (w: Workflow) => `${w.id}:${w.status}`;

/** Its latest workflow ended and the person has not looked since. */
export function isUnread(view: SessionView | undefined, seen: string | undefined): boolean {
  const w = view?.workflows[0];
  return w !== undefined && isTerminal(w.status) && seen !== seenMark(w);
}

export interface PersonalState {
  level(serverId: string, projectId: string): NotifyLevel;
  seen(sessionId: string): string | undefined;
}

/** Sessions with news the person has not seen, on projects not muted. */
export function unreadCount(snapshots: readonly ServerSnapshot[], p: PersonalState): number {
  return snapshots
    .flatMap((s) => (s.projects ?? []).map((e) => ({ serverId: s.server.id, e })))
    .filter(({ serverId, e }) => p.level(serverId, e.project.id) !== 'mute')
    .filter(({ e }) => e.session && isUnread(e.session, p.seen(e.session.session.id))).length;
}

/** Finished work the person has seen (completed or cancelled, and read): what "hide finished" hides. */
export function isFinishedAndRead(view: SessionView | undefined, seen: string | undefined): boolean {
  const w = view?.workflows[0];
  return w !== undefined && (w.status === 'completed' || w.status === 'cancelled') && !isUnread(view, seen);
}

/** A project or session row as the person's choices and reading change it: unread (a dot, emphasized), muted or watched. */
export function personalRow(row: RowModel, o: { unread: boolean; level?: NotifyLevel | undefined }): RowModel {
  const tokens = [row.contextValue, ...(o.unread ? ['unread'] : []), ...(o.level ? [`level-${o.level}`] : [])];
  const level =
    o.level && o.level !== 'default' ? ` · notifications: ${o.level === 'mute' ? 'muted' : 'every change'}` : '';
  return {
    ...row,
    ...(o.unread ? { description: `● ${row.description ?? ''}`.trim(), emphasis: true } : {}),
    contextValue: tokens.join(' '),
    tooltip: `${row.tooltip}${o.unread ? '  \nFinished since you last looked' : ''}${level ? `  \n${level.slice(3)}` : ''}`,
    accessibility: `${row.accessibility}${o.unread ? ', unread' : ''}${level}`,
  };
}
