/**
 * Which account (remote server) this workspace uses, in workspaceState: "Bilt: Choose Account for This
 * Workspace" sets it. Its server comes first in the server and project pickers (src/ui/commands/pick.ts,
 * so also in Bilt: New Project), and a project an agent creates without naming a server goes to it when
 * no project is linked (src/actions/createProject.ts defaultServer).
 */
import type * as vscode from 'vscode';
import type { WorkspaceAccount as AccountChoice } from '../../actions/context';
import { STATE } from '../ids';

export class WorkspaceAccount implements AccountChoice {
  constructor(private readonly state: vscode.Memento) {}

  /** The chosen server's id (its URL), or undefined for no preference. */
  get(): string | undefined {
    return this.state.get<string>(STATE.workspaceAccount);
  }

  async set(serverId: string | undefined): Promise<void> {
    await this.state.update(STATE.workspaceAccount, serverId);
  }
}
