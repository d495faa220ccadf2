/**
 * Create a project on a ready server: a name checked as it is typed (characters, length, names
 * already known), an optional description, visibility where the server offers it; then the new
 * project is shown in the tree and the first message offered.
 */
import * as vscode from 'vscode';
import type { CreateProjectInput } from '../../api/backend';
import { BiltError } from '../../core/errors';
import type { Visibility } from '../../core/model';
import { descriptionInput, projectNameInput } from '../../present/decisions';
import { COMMANDS } from '../ids';
import { NodeCache } from '../tree/nodes';
import type { CommandDeps } from './deps';
import { asTarget, pickServer } from './pick';
import { must, registerCommand } from './run';
import { waitFor } from './waitFor';

async function ask(existing: string[], visibility: boolean): Promise<CreateProjectInput> {
  const title = 'Create a Bilt project';
  const name = must(
    await vscode.window.showInputBox({
      title,
      prompt: 'Project name: letters, digits, hyphens and underscores',
      placeHolder: 'e.g. habit-tracker',
      ignoreFocusOut: true,
      validateInput: (v) => projectNameInput(v, existing),
    }),
  );
  const description = must(
    await vscode.window.showInputBox({
      title,
      prompt: `Description of ${name} (optional)`,
      ignoreFocusOut: true,
      validateInput: descriptionInput,
    }),
  );
  let vis: Visibility | undefined;
  if (visibility) {
    const items = [
      { label: 'Private', description: 'only you', value: 'private' as const },
      { label: 'Public', description: 'anyone with the link', value: 'public' as const },
    ];
    vis = must(
      await vscode.window.showQuickPick(items, { title, placeHolder: `Who can see ${name}?`, ignoreFocusOut: true }),
    ).value;
  }
  return { name, description: description.trim() || undefined, visibility: vis };
}

export const registerCreateProject = (d: CommandDeps) =>
  registerCommand(COMMANDS.createProject, 'create the project', d.log, async (arg, given?: unknown) => {
    const asked = asTarget(arg) && d.store.snapshot(asTarget(arg)!.serverId);
    if (asked && asked.status.state !== 'ready') {
      throw new BiltError('unavailable', `${asked.server.label} is not ready (${asked.status.state})`, {
        message: 'Sign in or wait until it is reachable',
      });
    }
    const server = await pickServer(d, arg, (s) => s.status.state === 'ready', 'Create the project on which server?');
    const serverId = server.server.id;
    const existing = (server.projects ?? []).map((p) => p.project.name);
    const client = await d.store.client(serverId);
    let input: CreateProjectInput;
    if (given && typeof given === 'object') {
      input = { ...(given as CreateProjectInput) };
      const error = projectNameInput(input.name, existing) ?? descriptionInput(input.description ?? '');
      if (error) {
        throw new BiltError('invalid_input', error, { name: input.name });
      }
    } else {
      input = await ask(existing, client.backend.capabilities.visibility);
    }
    if (!client.backend.capabilities.visibility) {
      delete input.visibility;
    }
    const project = await client.backend.createProject(input);
    d.log.info(`created project ${project.id} (${project.name}) on ${serverId}`);
    d.store.afterAction(serverId, { projectId: project.id });
    const target = { serverId, projectId: project.id };
    void waitFor(
      d.store,
      () => Boolean(d.store.snapshot(serverId)?.projects?.some((p) => p.project.id === project.id)),
      10_000,
    ).then((listed) => {
      if (listed && d.view.tree.visible) {
        const node = new NodeCache().get({ kind: 'project', ...target });
        void Promise.resolve(d.view.tree.reveal(node, { select: true, focus: false })).catch(() => undefined);
      }
    });
    void vscode.window
      .showInformationMessage(`Created the project ${project.name}.`, 'Send First Message')
      .then((a) => a && vscode.commands.executeCommand(COMMANDS.sendMessage, target));
    return project.id;
  });
