/**
 * Multi-line messages: "Compose in an editor" from the send box opens an untitled document for the
 * message. While it is the active editor, a status bar item counts its characters against the 5000
 * limit and the editor title offers "Send to Bilt"; sending closes it.
 */
import * as vscode from 'vscode';
import { messageInput } from '../present/inputs';
import { COMMANDS, CONTEXT } from './ids';
import type { Target } from '../actions/context';

export class Composer implements vscode.Disposable {
  private readonly targets = new Map<string, { target: Target; projectName: string }>();
  private readonly count = vscode.window.createStatusBarItem('bilt.compose', vscode.StatusBarAlignment.Right, 100);
  private readonly subs: vscode.Disposable[];

  constructor() {
    this.count.name = 'Bilt Message Length';
    this.count.command = COMMANDS.sendMessage;
    this.subs = [
      this.count,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument(
        (e) => e.document === vscode.window.activeTextEditor?.document && this.update(),
      ),
      vscode.workspace.onDidCloseTextDocument((d) => this.targets.delete(d.uri.toString())),
    ];
  }

  /** Opens an editor for a message to `target`, starting with `text`. */
  async open(target: Target, projectName: string, text: string): Promise<void> {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    this.targets.set(doc.uri.toString(), { target, projectName });
    await vscode.window.showTextDocument(doc);
    this.update();
  }

  /** The message being composed in the active editor, if any. */
  active(): { target: Target; projectName: string; text: string; document: vscode.TextDocument } | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    const t = doc && this.targets.get(doc.uri.toString());
    return t && doc ? { ...t, text: doc.getText(), document: doc } : undefined;
  }

  /** After sending: forget the draft and close its editor without asking to save. */
  async done(document: vscode.TextDocument): Promise<void> {
    this.targets.delete(document.uri.toString());
    if (vscode.window.activeTextEditor?.document === document) {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    this.update();
  }

  private update(): void {
    const c = this.active();
    void vscode.commands.executeCommand('setContext', CONTEXT.composing, Boolean(c));
    if (!c) {
      return this.count.hide();
    }
    const v = messageInput(c.text);
    this.count.text = `$(comment) ${v.count}${v.error ? ' $(warning)' : ''} · Send to ${c.projectName}`;
    this.count.tooltip = v.error ?? `Send this message to Bilt project ${c.projectName}`;
    this.count.backgroundColor = v.error && c.text ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.count.show();
  }

  dispose(): void {
    for (const s of this.subs) {
      s.dispose();
    }
  }
}
