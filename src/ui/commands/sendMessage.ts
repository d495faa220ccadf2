/**
 * Send a message: a live character count against the 5000 limit, a toggle to wait for the result
 * (with progress, cancellable), and the session's state checked before anything is sent.
 */
import * as vscode from 'vscode';
import { messageInput, sendRefusal } from '../../present/decisions';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { pickSession } from './pick';
import { Cancelled, registerCommand } from './run';

interface Composed {
  text: string;
  wait: boolean;
  /** The user chose a multi-line editor instead. */
  editor?: boolean;
}

/** An input box with a live count, a "wait for the result" toggle and a way to a multi-line editor. */
function compose(projectName: string): Promise<Composed> {
  const box = vscode.window.createInputBox();
  const waitOff = { iconPath: new vscode.ThemeIcon('watch'), tooltip: 'Also wait for the result (off)' };
  const waitOn = { iconPath: new vscode.ThemeIcon('check'), tooltip: 'Wait for the result (on)' };
  const multiLine = { iconPath: new vscode.ThemeIcon('edit'), tooltip: 'Compose a multi-line message in an editor' };
  let wait = false;
  box.title = `Send to ${projectName}`;
  box.placeholder = 'What should Bilt do? e.g. "Add a login screen with email and password"';
  box.buttons = [waitOff, multiLine];
  box.ignoreFocusOut = true;
  const update = () => {
    const v = messageInput(box.value);
    box.prompt = `${v.count}${wait ? ' · will wait for the result' : ''} · Enter sends`;
    box.validationMessage = box.value ? v.error : undefined;
  };
  update();
  return new Promise<Composed>((resolve, reject) => {
    box.onDidChangeValue(update);
    box.onDidTriggerButton((b) => {
      if (b === multiLine) {
        resolve({ text: box.value, wait, editor: true });
        box.hide();
        return;
      }
      wait = !wait;
      box.buttons = [wait ? waitOn : waitOff, multiLine];
      update();
    });
    box.onDidAccept(() => {
      const v = messageInput(box.value);
      if (v.error) {
        box.validationMessage = v.error;
        return;
      }
      resolve({ text: box.value, wait });
      box.hide();
    });
    box.onDidHide(() => {
      reject(new Cancelled());
      box.dispose();
    });
    box.show();
  });
}

export const registerSendMessage = (d: CommandDeps) =>
  registerCommand(COMMANDS.sendMessage, 'send the message', d.log, async (arg, text?: unknown) => {
    // from a compose editor (status bar or editor title): send what it holds to its project
    const draft = arg === undefined && typeof text !== 'string' ? d.composer.active() : undefined;
    if (draft) {
      const v = messageInput(draft.text);
      if (v.error) {
        void vscode.window.showWarningMessage(`Bilt: ${v.error}.`);
        return undefined;
      }
    }
    const s = await pickSession(d, draft?.target ?? arg, 'Send a message to which project?');
    const busy = sendRefusal(s.view);
    if (busy) {
      void vscode.window.showWarningMessage(`${s.projectName}: ${busy}.`);
      return undefined;
    }
    const msg: Composed = draft
      ? { text: draft.text, wait: false }
      : typeof text === 'string'
        ? { text, wait: false }
        : await compose(s.projectName);
    if (msg.editor) {
      await d.composer.open({ serverId: s.serverId, projectId: s.ref.projectId }, s.projectName, msg.text);
      return undefined;
    }
    if (draft) {
      await d.composer.done(draft.document);
    }
    const client = await d.store.client(s.serverId);
    if (!msg.wait) {
      const r = await client.backend.sendMessage(s.ref, msg.text);
      d.store.afterAction(s.serverId, s.ref);
      void d.logs.show(s.serverId, s.ref, s.projectName);
      return r.workflowId;
    }
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Bilt: ${s.projectName}`, cancellable: true },
      async (progress, token) => {
        const stop = new AbortController();
        token.onCancellationRequested(() => stop.abort());
        let last = 0;
        const r = await client.backend.sendMessage(s.ref, msg.text, { signal: stop.signal });
        d.store.afterAction(s.serverId, s.ref);
        progress.report({ message: 'started' });
        for await (const e of client.watch(s.ref, { signal: stop.signal })) {
          if (e.type !== 'session') {
            continue;
          }
          const w = e.view.workflows.find((x) => x.id === r.workflowId);
          const pct = w?.progress?.percentage ?? 0;
          progress.report({
            increment: Math.max(0, pct - last),
            message: [w?.status, w?.progress?.currentStep].filter(Boolean).join(' · '),
          });
          last = Math.max(last, pct);
          if (w && w.status !== 'pending' && w.status !== 'running') {
            void vscode.window.showInformationMessage(
              `Bilt: ${s.projectName} ${w.status}${w.result?.url ? ` — ${w.result.url}` : ''}.`,
            );
            break;
          }
        }
        stop.abort();
        return r.workflowId;
      },
    );
  });
