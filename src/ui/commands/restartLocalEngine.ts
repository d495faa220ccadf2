/**
 * Restart the local engine (e.g. after changing its agent): stop the one its discovery file names,
 * then refresh the local server, which starts a new one through the connector. Running workflows
 * are interrupted (they can be resumed), so that is confirmed first.
 */
import path from 'node:path';
import * as vscode from 'vscode';
import { defaultDataDir } from '../../api/local/discovery';
import { findEngine, stopEngine } from '../../api/local/launcher';
import { BiltError } from '../../core/errors';
import { running } from '../../present/attention';
import { COMMANDS, LOCAL_SERVER_ID } from '../ids';
import type { CommandDeps } from './deps';
import { registerCommand } from './run';

/** The engine of `dataDir` once it is not `oldPid`, polled until `timeoutMs`. */
async function newEngine(dataDir: string, oldPid: number | undefined, timeoutMs: number) {
  for (const end = Date.now() + timeoutMs; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) {
    const e = await findEngine(dataDir);
    if (e && e.pid !== oldPid) {
      return e;
    }
  }
  return undefined;
}

export const registerRestartLocalEngine = (deps: CommandDeps) =>
  registerCommand(
    COMMANDS.restartLocalEngine,
    'restart the local engine',
    deps.log,
    async (_arg, confirmed?: unknown) => {
      const s = deps.settings();
      if (!s.localEnabled) {
        const a = await vscode.window.showInformationMessage('The local engine is off.', 'Use the Local Engine');
        if (a) {
          await vscode.commands.executeCommand(COMMANDS.enableLocalEngine);
        }
        return undefined;
      }
      const busy = running(deps.store.snapshots().filter((x) => x.server.id === LOCAL_SERVER_ID)).length;
      if (busy && confirmed !== true) {
        const ok = await vscode.window.showWarningMessage(
          `${busy} workflow${busy === 1 ? ' runs' : 's run'} on the local engine. Restart it anyway?`,
          {
            modal: true,
            detail: 'Restarting interrupts them; they can be resumed afterwards (Bilt: Resume Workflow).',
          },
          'Restart',
        );
        if (ok !== 'Restart') {
          return undefined;
        }
      }
      const dataDir = s.localDataDir ?? defaultDataDir();
      return vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Bilt: restarting the local engine' },
        async (progress) => {
          progress.report({ message: 'stopping…' });
          const old = await stopEngine(dataDir);
          deps.log.info(old ? `stopped the local engine (pid ${old})` : `no local engine answered for ${dataDir}`);
          progress.report({ message: 'starting…' });
          await deps.store.refresh(LOCAL_SERVER_ID);
          const e = await newEngine(dataDir, old, 20_000);
          if (!e) {
            throw new BiltError('unavailable', 'The local engine did not start again', {
              message: `see ${path.join(dataDir, 'engine.log')}`,
            });
          }
          void vscode.window.showInformationMessage(`The local engine restarted (agent: ${e.agent}).`);
          return e.pid;
        },
      );
    },
  );
