/** The status bar item: how many workflows run and how many need the user; a click lists them. */
import * as vscode from 'vscode';
import type { BiltStoreApi } from '../api/store/types';
import { statusBar } from '../present/attention';
import { COMMANDS } from './ids';
import type { Personal } from './personal';

export function createStatusBar(store: BiltStoreApi, personal: Personal): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('bilt.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Bilt Workflows';
  item.command = COMMANDS.showWorkflows;
  const update = () => {
    // muted projects are left out of the counts
    const s = statusBar(
      store.snapshots().map((snap) => ({
        ...snap,
        projects: snap.projects?.filter((e) => personal.level(snap.server.id, e.project.id) !== 'mute'),
      })),
    );
    if (!s) {
      return item.hide();
    }
    item.text = s.text;
    item.tooltip = s.tooltip;
    item.accessibilityInformation = { label: s.tooltip };
    item.backgroundColor = s.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  const unsubscribe = store.onDidChange(update);
  update();
  return vscode.Disposable.from(item, { dispose: unsubscribe }, personal.onDidChange(update));
}
