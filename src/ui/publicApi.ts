/**
 * The extension's public API, version 1: what `activate()` gives other extensions (task runners,
 * notifiers, CI views). The servers and the sessions Bilt knows, an event when a session changes state,
 * and send, cancel and resume through the same actions as the commands (refusals in the engine's words).
 * Documented in the README; its version changes only when a member does.
 *
 *   const bilt = vscode.extensions.getExtension<BiltApi>('bilt-community.bilt-vscode')?.exports;
 *   if (bilt?.version === 1) bilt.onDidChangeSession((c) => …);
 */
import * as vscode from 'vscode';
import type { ActionContext, Target } from '../actions/context';
import { cancelWorkflow } from '../actions/cancel';
import type { Outcome } from '../actions/outcome';
import { resumeWorkflow } from '../actions/resume';
import { sendMessage } from '../actions/send';
import type { BiltStoreApi } from '../api/store/types';
import {
  serverInfos,
  sessionChanges,
  sessionInfos,
  type BiltServerInfo,
  type BiltSessionChange,
  type BiltSessionInfo,
} from '../present/publicSessions';

export type { BiltServerInfo, BiltSessionChange, BiltSessionInfo };

/** What an action ended in: done, or not done with the error's code and the reason in words. */
export type BiltActionResult =
  { ok: true; workflowId: string | undefined } | { ok: false; code: string; reason: string };

export interface BiltApi {
  readonly version: 1;
  servers(): BiltServerInfo[];
  sessions(): BiltSessionInfo[];
  readonly onDidChangeSession: vscode.Event<BiltSessionChange>;
  /** Starts a workflow in a project (one at a time; 1–5000 characters). */
  send(target: Target, message: string): Promise<BiltActionResult>;
  /** Cancels the project's running, paused or queued workflow, for good. */
  cancel(target: Target, reason?: string): Promise<BiltActionResult>;
  /** Continues a paused or interrupted workflow. */
  resume(target: Target): Promise<BiltActionResult>;
}

function result(outcome: Outcome<{ workflowId?: string | undefined }>): BiltActionResult {
  switch (outcome.kind) {
    case 'done':
      return { ok: true, workflowId: outcome.value.workflowId };
    case 'refused':
      return { ok: false, code: outcome.error.code, reason: outcome.reason };
    default:
      return { ok: false, code: outcome.kind, reason: outcome.kind === 'aborted' ? 'Stopped' : outcome.title };
  }
}

/** The API over the shared store and the actions; the caller owns the returned disposable. */
export function createPublicApi(
  store: BiltStoreApi,
  actions: ActionContext,
): { api: BiltApi; disposable: vscode.Disposable } {
  const changed = new vscode.EventEmitter<BiltSessionChange>();
  let known = sessionInfos(store.snapshots());
  const unsubscribe = store.onDidChange(() => {
    const now = sessionInfos(store.snapshots());
    for (const change of sessionChanges(known, now)) {
      changed.fire(change);
    }
    known = now;
  });
  // a program that calls the API has decided: the actions run confirmed
  const confirmed = { confirmed: true };
  const api: BiltApi = {
    version: 1,
    servers: () => serverInfos(store.snapshots()),
    sessions: () => sessionInfos(store.snapshots()),
    onDidChangeSession: changed.event,
    send: async (target, message) => result(await sendMessage(actions, target, message, confirmed)),
    cancel: async (target, reason) => result(await cancelWorkflow(actions, target, { ...confirmed, reason })),
    resume: async (target) => result(await resumeWorkflow(actions, target, confirmed)),
  };
  return { api, disposable: vscode.Disposable.from(changed, { dispose: unsubscribe }) };
}
