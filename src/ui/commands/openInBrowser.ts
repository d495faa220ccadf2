/** Open a workflow's result, or a project's page (the result, the page where it waits for you, or its page in the Bilt app). */
import * as vscode from 'vscode';
import { pageFor } from '../../present/links';
import { COMMANDS, LIVE_BILT_URL } from '../ids';
import type { CommandDeps } from './deps';
import { idsFrom, pickProject } from './pick';
import { registerCommand } from './run';

export const registerOpenInBrowser = (deps: CommandDeps) =>
  registerCommand(COMMANDS.openInBrowser, 'open the page', deps.log, async (arg) => {
    const { server, entry } = await pickProject(deps, arg, 'Open the page of which project?');
    const serverId = server.server.id;
    const workflowId = idsFrom(arg)?.workflowId;
    const known = entry.session?.workflows ?? [];
    // a workflow the cached session does not list yet, or a project never expanded: read it
    const unknown = workflowId ? !known.some((w) => w.id === workflowId) : !entry.session;
    const workflows = unknown ? (await deps.store.loadSession(serverId, entry.project.id)).workflows : known;
    const url = pageFor({
      projectId: entry.project.id,
      workflows,
      workflowId,
      onLiveBilt: server.server.url === LIVE_BILT_URL,
    });
    if (!url) {
      void vscode.window.showInformationMessage(
        `${entry.project.name} has no page yet: it gets one when a workflow produces a result.`,
      );
      return undefined;
    }
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
    return url;
  });
