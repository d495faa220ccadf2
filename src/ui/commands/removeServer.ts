/** Remove a remote server from the settings and its token from this machine (the server and its projects are untouched). */
import * as vscode from 'vscode';
import { saveRemoteServers } from '../config';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { pickServer } from './pick';
import { registerCommand } from './run';

export const registerRemoveServer = (deps: CommandDeps) =>
  registerCommand(COMMANDS.removeServer, 'remove the server', deps.log, async (arg, confirmed?: unknown) => {
    const s = await pickServer(deps, arg, (x) => x.server.kind === 'remote', 'Remove which Bilt server?');
    if (confirmed !== true) {
      const ok = await vscode.window.showWarningMessage(
        `Remove ${s.server.label} from VS Code?`,
        {
          modal: true,
          detail: `${s.server.url ?? s.server.id}\nIts token is deleted from this machine. The projects on the server are not affected; add the server again to see them.`,
        },
        'Remove Server',
      );
      if (ok !== 'Remove Server') {
        return undefined;
      }
    }
    await saveRemoteServers(deps.settings().remote.filter((r) => r.url !== s.server.id));
    await deps.tokens.delete(s.server.id);
    deps.log.info(`removed server ${s.server.id}`);
    return s.server.id;
  });
