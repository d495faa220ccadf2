/**
 * What the person chose and saw, kept for them: each project's notification level (globalState, per
 * server and project, shared by every window), each session's seen mark (globalState), and whether the
 * tree hides finished work (workspaceState, per workspace). Rules: src/present/personal.ts.
 */
import * as vscode from 'vscode';
import type { ServerSnapshot } from '../api/store/types';
import type { Workflow } from '../core/model';
import { isTerminal } from '../core/status';
import { projectKey, seenMark, type NotifyLevel, type PersonalState } from '../present/personal';
import { STATE } from './ids';

export class Personal implements PersonalState, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** A level, a seen mark or the finished filter changed. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly context: vscode.ExtensionContext) {}

  private levels(): Record<string, NotifyLevel> {
    return this.context.globalState.get<Record<string, NotifyLevel>>(STATE.notifyLevels) ?? {};
  }

  private marks(): Record<string, string> {
    return this.context.globalState.get<Record<string, string>>(STATE.seen) ?? {};
  }

  level(serverId: string, projectId: string): NotifyLevel {
    return this.levels()[projectKey(serverId, projectId)] ?? 'default';
  }

  async setLevel(serverId: string, projectId: string, level: NotifyLevel): Promise<void> {
    const { [projectKey(serverId, projectId)]: _old, ...rest } = this.levels();
    await this.context.globalState.update(
      STATE.notifyLevels,
      level === 'default' ? rest : { ...rest, [projectKey(serverId, projectId)]: level },
    );
    this.changed.fire();
  }

  seen(sessionId: string): string | undefined {
    return this.marks()[sessionId];
  }

  /** The person looked at a session: its ended workflow is read. */
  async markSeen(sessionId: string, latest: Workflow | undefined): Promise<void> {
    if (!latest || !isTerminal(latest.status) || this.seen(sessionId) === seenMark(latest)) {
      return;
    }
    await this.context.globalState.update(STATE.seen, { ...this.marks(), [sessionId]: seenMark(latest) });
    this.changed.fire();
  }

  async markAllSeen(snapshots: readonly ServerSnapshot[]): Promise<void> {
    const marks = { ...this.marks() };
    for (const e of snapshots.flatMap((s) => s.projects ?? [])) {
      const w = e.session?.workflows[0];
      if (e.session && w && isTerminal(w.status)) {
        marks[e.session.session.id] = seenMark(w);
      }
    }
    await this.context.globalState.update(STATE.seen, marks);
    this.changed.fire();
  }

  get hideFinished(): boolean {
    return this.context.workspaceState.get<boolean>(STATE.hideFinished) ?? false;
  }

  async setHideFinished(hide: boolean): Promise<void> {
    await this.context.workspaceState.update(STATE.hideFinished, hide);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
