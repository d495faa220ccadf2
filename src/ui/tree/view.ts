/**
 * The Sessions view: the tree, its badge (sessions that need the user), its message line (updated /
 * next refresh / rate limited / offline), its description (the filter), the context key that picks
 * the welcome view, and the activity signals that pause polling when nobody looks.
 */
import * as vscode from 'vscode';
import type { BiltStoreApi, ServerSnapshot } from '../../api/store/types';
import { badge } from '../../present/attention';
import { unreadCount } from '../../present/personal';
import type { Personal } from '../personal';
import { describeFilter, isFiltering, type TreeFilter } from '../../present/filter';
import { viewMessage } from '../../present/viewMessage';
import { CONTEXT, VIEWS } from '../ids';
import type { Node } from './nodes';
import { SessionsTreeProvider } from './provider';

export type ViewState = 'loading' | 'noServers' | 'signedOut' | 'unreachable' | 'noProjects' | 'ready';

/** Which welcome view to show (only when there is nothing to list). */
export function viewState(snapshots: ServerSnapshot[]): ViewState {
  if (snapshots.length === 0) {
    return 'noServers';
  }
  if (snapshots.some((s) => (s.projects?.length ?? 0) > 0)) {
    return 'ready';
  }
  if (snapshots.some((s) => s.projects !== undefined)) {
    return 'noProjects';
  }
  if (snapshots.every((s) => s.status.state === 'signed-out' || s.status.state === 'unauthorized')) {
    return 'signedOut';
  }
  if (snapshots.every((s) => s.status.state === 'unreachable' || s.status.state === 'error')) {
    return 'unreachable';
  }
  return snapshots.length === 1 && snapshots[0]!.status.state === 'connecting' ? 'loading' : 'ready';
}

export class SessionsView implements vscode.Disposable {
  readonly provider: SessionsTreeProvider;
  readonly tree: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly ticker: NodeJS.Timeout;
  private lastState: ViewState | undefined;

  constructor(
    private readonly store: BiltStoreApi,
    private readonly personal: Personal,
  ) {
    this.provider = new SessionsTreeProvider(store, personal);
    this.tree = vscode.window.createTreeView(VIEWS.sessions, {
      treeDataProvider: this.provider,
      showCollapseAll: true,
    });
    const activity = () =>
      store.setActivity({ windowFocused: vscode.window.state.focused, viewVisible: this.tree.visible });
    this.disposables.push(
      this.provider,
      this.tree,
      this.tree.onDidChangeVisibility(activity),
      vscode.window.onDidChangeWindowState(activity),
    );
    const unsubscribe = store.onDidChange(() => this.update());
    this.disposables.push(
      { dispose: unsubscribe },
      // what the person chose or read: the rows, the badge and the finished filter follow
      personal.onDidChange(() => {
        this.update();
        this.provider.refreshAll();
        void vscode.commands.executeCommand('setContext', CONTEXT.hidingFinished, personal.hideFinished);
      }),
      // looking at a session (its row, or a row below it) reads it
      this.tree.onDidChangeSelection((e) => this.markSeen(e.selection)),
    );
    void vscode.commands.executeCommand('setContext', CONTEXT.hidingFinished, personal.hideFinished);
    // "updated 20 s ago", "completed 3 min ago": keep relative times true while the view is visible
    // (re-rendering rows costs no request; the store's data is used as it is)
    let ticks = 0;
    this.ticker = setInterval(() => {
      if (!this.tree.visible) {
        return;
      }
      this.updateMessage();
      if (++ticks % 3 === 0) {
        this.provider.refreshAll();
      }
    }, 10_000);
    activity();
    this.update();
  }

  get filter(): TreeFilter {
    return this.provider.filter;
  }

  setFilter(f: TreeFilter): void {
    this.provider.filter = f;
    void vscode.commands.executeCommand('setContext', CONTEXT.filtered, isFiltering(f));
    this.tree.description = describeFilter(f);
    this.provider.refreshAll();
  }

  private update(): void {
    const snaps = this.store.snapshots();
    const b = badge(snaps, unreadCount(snaps, this.personal));
    this.tree.badge = b;
    this.updateMessage();
    const state = viewState(snaps);
    if (state !== this.lastState) {
      this.lastState = state;
      void vscode.commands.executeCommand('setContext', CONTEXT.state, state);
    }
    void vscode.commands.executeCommand(
      'setContext',
      CONTEXT.hasRemoteServers,
      snaps.some((s) => s.server.kind === 'remote'),
    );
  }

  private markSeen(nodes: readonly Node[]): void {
    for (const n of nodes) {
      if (n.kind === 'project' || n.kind === 'session' || n.kind === 'workflow') {
        const view = this.store.snapshot(n.serverId)?.projects?.find((p) => p.project.id === n.projectId)?.session;
        if (view) {
          void this.personal.markSeen(view.session.id, view.workflows[0]);
        }
      }
    }
  }

  private updateMessage(): void {
    this.tree.message = viewMessage(this.store.snapshots(), Date.now());
  }

  dispose(): void {
    clearInterval(this.ticker);
    for (const d of this.disposables) {
      d.dispose();
    }
  }
}
