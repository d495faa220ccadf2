/**
 * Notifications when a workflow completes, fails or needs input, with the action that helps next
 * (show log, answer, resume, open app). Shown only while the Sessions view is not visible (setting).
 */
import * as vscode from 'vscode';
import type { BiltStoreApi, ServerSnapshot } from '../api/store/types';
import { transitions } from '../present/attention';
import type { Settings } from './config';
import { COMMANDS } from './ids';
import type { NodeIds } from './tree/nodes';

export function createNotifications(
  store: BiltStoreApi,
  o: { settings: () => Settings; viewVisible: () => boolean },
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
      const target: NodeIds = {
        serverId: e.serverId,
        projectId: e.projectId,
        sessionId: e.sessionId,
        workflowId: e.workflow.id,
      };
      const actions: Array<[string, string, unknown?]> = [['Show Log', COMMANDS.showSessionLog, target]];
      let text: string;
      if (e.event === 'completed') {
        text = `Bilt: ${e.projectName} completed.`;
        if (e.workflow.result?.url) {
          actions.unshift(['Open App', COMMANDS.openInBrowser, target]);
        }
      } else if (e.event === 'failed') {
        text = `Bilt: ${e.projectName} failed${e.workflow.error ? `: ${e.workflow.error}` : '.'}`;
        if (e.workflow.interrupted) {
          actions.unshift(['Resume', COMMANDS.resumeWorkflow, target]);
        }
      } else {
        const q = e.workflow.pause?.type === 'questions';
        text = `Bilt: ${e.projectName} ${q ? 'has questions for you' : 'needs you to act at the project page'}.`;
        actions.unshift(q ? ['Answer', COMMANDS.answerQuestions, target] : ['Resume', COMMANDS.resumeWorkflow, target]);
      }
      const show =
        e.event === 'failed'
          ? vscode.window.showErrorMessage
          : e.event === 'needs-input'
            ? vscode.window.showWarningMessage
            : vscode.window.showInformationMessage;
      void show(text, ...actions.map((a) => a[0])).then((picked) => {
        const a = actions.find((x) => x[0] === picked);
        if (a) {
          void vscode.commands.executeCommand(a[1], a[2]);
        }
      });
    }
  });
  return { dispose: unsubscribe };
}
