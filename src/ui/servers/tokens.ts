/**
 * Server tokens in SecretStorage only (never settings, never logs). onDidChange keeps every window in
 * step: signing in or out in one window updates the others.
 */
import * as vscode from 'vscode';
import { tokenKey } from '../ids';

export class Tokens implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string>();
  readonly onDidChange = this.changed.event;
  private readonly sub: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.sub = secrets.onDidChange((e) => {
      if (e.key.startsWith('bilt.token.')) {
        this.changed.fire(e.key.slice('bilt.token.'.length));
      }
    });
  }

  get(serverId: string): Thenable<string | undefined> {
    return this.secrets.get(tokenKey(serverId));
  }
  set(serverId: string, token: string): Thenable<void> {
    return this.secrets.store(tokenKey(serverId), token);
  }
  delete(serverId: string): Thenable<void> {
    return this.secrets.delete(tokenKey(serverId));
  }

  dispose(): void {
    this.sub.dispose();
    this.changed.dispose();
  }
}
