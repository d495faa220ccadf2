/**
 * "Wait for the result" in the editor: a cancellable notification that follows a workflow (the actions'
 * one wait) with its progress and step, then says how it ended. Cancelling stops the waiting, not the
 * workflow.
 */
import * as vscode from 'vscode';
import type { ActionContext, Target } from '../actions/context';
import { waitForWorkflow } from '../actions/wait';

export interface Followed {
  target: Target;
  projectName: string;
  sessionId: string;
  workflowId: string;
}

export function followWithProgress(ctx: ActionContext, sent: Followed): Thenable<void> {
  const title = `Bilt: ${sent.projectName}`;
  const options = { location: vscode.ProgressLocation.Notification, title, cancellable: true };
  return vscode.window.withProgress(options, async (progress, token) => {
    const stop = new AbortController();
    const sub = token.onCancellationRequested(() => stop.abort());
    let reported = 0;
    try {
      const client = await ctx.store.client(sent.target.serverId, stop.signal);
      const ref = { sessionId: sent.sessionId, projectId: sent.target.projectId };
      const r = await waitForWorkflow(client, ref, sent.workflowId, {
        signal: stop.signal,
        onUpdate: (w) => {
          const pct = w.progress?.percentage ?? 0;
          progress.report({
            increment: Math.max(0, pct - reported),
            message: [w.status, w.progress?.currentStep].filter(Boolean).join(' · '),
          });
          reported = Math.max(reported, pct);
        },
      });
      if (r.ended === 'settled' && r.workflow) {
        const url = r.workflow.result?.url;
        void vscode.window.showInformationMessage(`${title} ${r.workflow.status}${url ? ` — ${url}` : ''}.`);
      }
    } finally {
      sub.dispose();
    }
  });
}
