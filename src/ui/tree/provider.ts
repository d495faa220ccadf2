/**
 * The sessions tree: server → project → session → workflows (latest first). Rows come from
 * src/present (no rules here); data from the store, which decides what to fetch. Expanding a project
 * asks the store for its session (one read, not one per row on every refresh).
 */
import * as vscode from 'vscode';
import type { BiltStoreApi, ProjectEntry, ServerSnapshot } from '../../api/store/types';
import { isBiltError } from '../../core/errors';
import { keepProject, type TreeFilter } from '../../present/filter';
import { errorRow, projectRow, sessionRow, workflowRow, type RowModel } from '../../present/rows';
import { groupRow, serverRow } from '../../present/serverRows';
import { isFinishedAndRead, isUnread, personalRow } from '../../present/personal';
import type { Personal } from '../personal';
import { COMMANDS } from '../ids';
import { NodeCache, type Node } from './nodes';

export class SessionsTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly nodes = new NodeCache();
  private readonly unsubscribe: () => void;
  filter: TreeFilter = {};

  constructor(
    private readonly store: BiltStoreApi,
    private readonly personal: Personal,
    private readonly now: () => number = Date.now,
  ) {
    this.unsubscribe = store.onDidChange((serverId) => {
      const servers = store.snapshots();
      // one server: refresh its subtree; the server set changed (added/removed): refresh everything
      this.changed.fire(
        servers.length > 1 && servers.some((s) => s.server.id === serverId)
          ? this.nodes.get({ kind: 'server', serverId })
          : undefined,
      );
    });
  }

  refreshAll(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): vscode.ProviderResult<Node[]> {
    const servers = this.store.snapshots();
    if (!node) {
      // a single server needs no level of its own
      return servers.length === 1
        ? this.serverChildren(servers[0]!)
        : servers.map((s) => this.nodes.get({ kind: 'server', serverId: s.server.id }));
    }
    const snap = this.store.snapshot(node.serverId);
    if (!snap) {
      return [];
    }
    switch (node.kind) {
      case 'server':
        return this.serverChildren(snap);
      case 'group':
        return this.kept(snap)
          .filter((e) => e.project.group === node.group)
          .map((e) => this.nodes.get({ kind: 'project', serverId: snap.server.id, projectId: e.project.id }));
      case 'project':
        return this.projectChildren(snap, node.projectId);
      case 'session': {
        const e = snap.projects?.find((p) => p.project.id === node.projectId);
        return (e?.session?.workflows ?? []).map((w) =>
          this.nodes.get({
            kind: 'workflow',
            serverId: node.serverId,
            projectId: node.projectId,
            sessionId: node.sessionId,
            workflowId: w.id,
          }),
        );
      }
      default:
        return [];
    }
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const item = toItem(this.rowOf(node));
    // selecting a session or a workflow opens its live log
    if (node.kind === 'session' || node.kind === 'workflow') {
      item.command = { command: COMMANDS.showSessionLog, title: 'Show Log', arguments: [node] };
    }
    return item;
  }

  getParent(node: Node): Node | undefined {
    switch (node.kind) {
      case 'server':
        return undefined;
      case 'project': {
        const group = this.store.snapshot(node.serverId)?.projects?.find((p) => p.project.id === node.projectId)
          ?.project.group;
        return group
          ? this.nodes.get({ kind: 'group', serverId: node.serverId, group })
          : this.serverNode(node.serverId);
      }
      case 'group':
      case 'info':
        return this.serverNode(node.serverId);
      case 'session':
        return this.nodes.get({ kind: 'project', serverId: node.serverId, projectId: node.projectId });
      case 'workflow':
        return this.nodes.get({
          kind: 'session',
          serverId: node.serverId,
          projectId: node.projectId,
          sessionId: node.sessionId,
        });
    }
  }

  dispose(): void {
    this.unsubscribe();
    this.changed.dispose();
  }

  private serverChildren(s: ServerSnapshot): Node[] {
    const info = (text: string, error = false) => [
      this.nodes.get({ kind: 'info', serverId: s.server.id, text, error }),
    ];
    const st = s.status;
    if (!s.projects) {
      if (st.state === 'signed-out') {
        return info('Signed out: use "Sign In" on this server');
      }
      if (st.state === 'unauthorized') {
        return info(`Token rejected: ${st.error.message}`, true);
      }
      if (st.state === 'unreachable' || st.state === 'error') {
        return info(`Cannot load projects: ${st.error.message}`, true);
      }
      return info('Loading…');
    }
    const kept = this.kept(s);
    if (s.projects.length === 0) {
      return info(s.capabilities?.createProject === false ? 'No sessions yet' : 'No projects yet');
    }
    if (kept.length === 0) {
      return info('No project matches the filter');
    }
    // a gateway's sessions are grouped by task, in the order of their most recent session
    const groups = [...new Set(kept.flatMap((e) => (e.project.group ? [e.project.group] : [])))];
    return [
      ...groups.map((group) => this.nodes.get({ kind: 'group', serverId: s.server.id, group })),
      ...kept
        .filter((e) => !e.project.group)
        .map((e) => this.nodes.get({ kind: 'project', serverId: s.server.id, projectId: e.project.id })),
    ];
  }

  private kept(s: ServerSnapshot): ProjectEntry[] {
    const hide = this.personal.hideFinished;
    return (s.projects ?? []).filter(
      (e) =>
        keepProject(e, this.filter) &&
        !(hide && isFinishedAndRead(e.session, e.session && this.personal.seen(e.session.session.id))),
    );
  }

  /** The server's row, or none when it is the only server (its children are the tree's roots). */
  private serverNode(serverId: string): Node | undefined {
    return this.store.snapshots().length > 1 ? this.nodes.get({ kind: 'server', serverId }) : undefined;
  }

  private async projectChildren(s: ServerSnapshot, projectId: string): Promise<Node[]> {
    let entry = s.projects?.find((p) => p.project.id === projectId);
    if (!entry?.session) {
      try {
        await this.store.loadSession(s.server.id, projectId);
      } catch (e) {
        return [
          this.nodes.get({
            kind: 'info',
            serverId: s.server.id,
            text: `Could not load the session: ${isBiltError(e) ? e.message : String(e)}`,
            error: true,
          }),
        ];
      }
      entry = this.store.snapshot(s.server.id)?.projects?.find((p) => p.project.id === projectId);
    }
    const view = entry?.session;
    return view
      ? [this.nodes.get({ kind: 'session', serverId: s.server.id, projectId, sessionId: view.session.id })]
      : [];
  }

  private unread(e: ProjectEntry): boolean {
    return e.session !== undefined && isUnread(e.session, this.personal.seen(e.session.session.id));
  }

  private rowOf(node: Node): RowModel {
    const snap = this.store.snapshot(node.serverId);
    const now = this.now();
    const entry = 'projectId' in node ? snap?.projects?.find((p) => p.project.id === node.projectId) : undefined;
    const caps = snap?.capabilities;
    switch (node.kind) {
      case 'server':
        return snap ? serverRow(snap) : errorRow(node.id, 'Server removed');
      case 'info':
        return node.error
          ? errorRow(node.id, node.text)
          : { ...errorRow(node.id, node.text), look: { icon: 'info' }, contextValue: 'info' };
      case 'group':
        return groupRow(
          node.serverId,
          node.group,
          this.kept(snap!).filter((e) => e.project.group === node.group),
        );
      case 'project':
        return entry
          ? personalRow(projectRow(node.serverId, entry, now, caps), {
              unread: this.unread(entry),
              level: this.personal.level(node.serverId, node.projectId),
            })
          : errorRow(node.id, 'Project no longer listed');
      case 'session':
        return entry?.session
          ? personalRow(sessionRow(node.serverId, entry.session, now, caps), { unread: this.unread(entry) })
          : errorRow(node.id, 'Session not loaded');
      case 'workflow': {
        const w = entry?.session?.workflows.find((x) => x.id === node.workflowId);
        return w ? workflowRow(node.serverId, w, now, caps) : errorRow(node.id, 'Workflow no longer listed');
      }
    }
  }
}

function toItem(r: RowModel): vscode.TreeItem {
  const item = new vscode.TreeItem(
    r.emphasis ? { label: r.label, highlights: [[0, r.label.length]] } : r.label,
    r.collapsible === 'none'
      ? vscode.TreeItemCollapsibleState.None
      : r.collapsible === 'expanded'
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = r.id;
  if (r.description) {
    item.description = r.description;
  }
  item.tooltip = new vscode.MarkdownString(r.tooltip);
  item.iconPath = new vscode.ThemeIcon(r.look.icon, r.look.color ? new vscode.ThemeColor(r.look.color) : undefined);
  item.contextValue = r.contextValue;
  item.accessibilityInformation = { label: r.accessibility };
  return item;
}
