/**
 * Link this workspace to a project: pickers offer it first and it is chosen without asking when it is
 * the only choice. Calling it again on the linked project (or from the palette) offers to unlink.
 */
import * as vscode from 'vscode';
import { COMMANDS, STATE } from '../ids';
import type { CommandDeps } from './deps';
import { asTarget, linkedProject, pickProject } from './pick';
import { registerCommand } from './run';

export const registerLinkWorkspace = (d: CommandDeps) =>
  registerCommand(COMMANDS.linkWorkspace, 'link the workspace', d.log, async (arg, action?: unknown) => {
    const current = linkedProject(d);
    const unlink = async () => {
      await d.context.workspaceState.update(STATE.linkedProject, undefined);
      void vscode.window.showInformationMessage('This workspace is no longer linked to a Bilt project.');
      return 'unlinked';
    };
    if (action === 'unlink') {
      return current ? unlink() : 'unlinked';
    }
    const t = asTarget(arg);
    let pickFrom: unknown = arg;
    if (current && (!t?.projectId || (t.serverId === current.serverId && t.projectId === current.projectId))) {
      const name =
        d.store.snapshot(current.serverId)?.projects?.find((p) => p.project.id === current.projectId)?.project.name ??
        current.projectId;
      const other = t?.projectId ? undefined : 'Link Another Project…';
      const a = await vscode.window.showInformationMessage(
        `This workspace is linked to ${name}.`,
        'Unlink',
        ...(other ? [other] : []),
      );
      if (a === 'Unlink') {
        return unlink();
      }
      if (!a) {
        return undefined;
      }
      pickFrom = undefined;
    }
    const { server, entry } = await pickProject(d, pickFrom, 'Link this workspace to which project?');
    const link = { serverId: server.server.id, projectId: entry.project.id };
    await d.context.workspaceState.update(STATE.linkedProject, link);
    void vscode.window.showInformationMessage(
      `This workspace is linked to ${entry.project.name}: Bilt commands offer it first.`,
    );
    return link;
  });
