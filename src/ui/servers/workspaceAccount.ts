/**
 * Which account (remote server) this workspace uses, in workspaceState: "Bilt: Choose Account for This
 * Workspace" sets it. With several remote servers signed in, its server comes first in the server and
 * project pickers (src/ui/commands/pick.ts), and new projects go to it when no project is linked
 * (src/actions/createProject.ts defaultServer, for commands and agents alike).
 */
import * as vscode from 'vscode';
import type { WorkspaceAccount as AccountChoice } from '../../actions/context';
import { STATE } from '../ids';

export class WorkspaceAccount implements AccountChoice, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<string | undefined>();
  /** The workspace's account changed (set or cleared). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  get(): string | undefined {
    return this.state.get<string>(STATE.workspaceAccount);
  }

  async set(serverId: string | undefined): Promise<void> {
    await this.state.update(STATE.workspaceAccount, serverId);
    this.changed.fire(serverId);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
