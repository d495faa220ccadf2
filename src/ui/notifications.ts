/**
 * Notifications when a workflow completes, fails or needs input (every change, for a watched project;
 * nothing for a muted one), with the action that helps next (show log, answer, resume, open app) and
 * "Mute This Project". Shown only while the Sessions view is not visible (setting bilt.notifications).
 */
import * as vscode from 'vscode';
import type { BiltStoreApi, ServerSnapshot } from '../api/store/types';
import { transitions } from '../present/attention';
import { noticeFor, type NoticeAction } from '../present/notices';
import { notifies } from '../present/personal';
import type { Personal } from './personal';
import type { Settings } from './config';
import { COMMANDS } from './ids';
import type { NodeIds } from './tree/nodes';

const COMMAND_OF: Record<Exclude<NoticeAction, 'mute'>, string> = {
  showLog: COMMANDS.showSessionLog,
  openApp: COMMANDS.openInBrowser,
  resume: COMMANDS.resumeWorkflow,
  answer: COMMANDS.answerQuestions,
};

export function createNotifications(
  store: BiltStoreApi,
  o: { settings: () => Settings; viewVisible: () => boolean; personal: Personal },
): vscode.Disposable {
  // the snapshot before each change; stale data (from the cache) never notifies
  let before: ServerSnapshot[] = structuredClone(store.snapshots());
  const unsubscribe = store.onDidChange(() => {
    const after = store.snapshots();
    const events = transitions(
      before.filter((s) => !s.stale),
      after.filter((s) => !s.stale),
    );
    before = structuredClone(after);
    const mode = o.settings().notifications;
    if (mode === 'never' || (mode === 'whenViewHidden' && o.viewVisible())) {
      return;
    }
    for (const e of events) {
      const level = o.personal.level(e.serverId, e.projectId);
      if (!notifies(level, e.event)) {
        continue;
      }
      const target: NodeIds = {
        serverId: e.serverId,
        projectId: e.projectId,
        sessionId: e.sessionId,
        workflowId: e.workflow.id,
      };
      const notice = noticeFor(e);
      const show = {
        info: vscode.window.showInformationMessage,
        warning: vscode.window.showWarningMessage,
        error: vscode.window.showErrorMessage,
      }[notice.severity];
      void show(notice.text, ...notice.actions.map((a) => a.title)).then((picked) => {
        const action = notice.actions.find((a) => a.title === picked)?.action;
        if (action === 'mute') {
          void o.personal.setLevel(e.serverId, e.projectId, 'mute');
        } else if (action) {
          void vscode.commands.executeCommand(COMMAND_OF[action], target);
        }
      });
    }
  });
  return { dispose: unsubscribe };
}
