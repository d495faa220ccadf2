/** What every command gets: the parts it works with, passed in (no module singletons). */
import type * as vscode from 'vscode';
import type { ActionContext } from '../../actions/context';
import type { BiltStoreApi } from '../../api/store/types';
import type { Composer } from '../compose';
import type { Settings } from '../config';
import type { Personal } from '../personal';
import type { Logger } from '../logging';
import type { Tokens } from '../servers/tokens';
import type { WorkspaceAccount } from '../servers/workspaceAccount';
import type { SessionLogs } from '../sessionLogs';
import type { SessionsView } from '../tree/view';

export interface CommandDeps {
  context: vscode.ExtensionContext;
  store: BiltStoreApi;
  /** What the actions act through (the same store, and the workspace's linked project). */
  actions: ActionContext;
  view: SessionsView;
  /** The person's notification levels, seen marks and finished filter. */
  personal: Personal;
  logs: SessionLogs;
  composer: Composer;
  tokens: Tokens;
  /** The account (remote server) this workspace uses; the same as `actions.account`. */
  account: WorkspaceAccount;
  settings: () => Settings;
  log: Logger;
}
