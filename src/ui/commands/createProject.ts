/**
 * Create a project on a ready server (asked for, or a caller's input), then show it in the tree and
 * offer the first message.
 */
import * as vscode from 'vscode';
import { createProject, type NewProject } from '../../actions/createProject';
import type { ServerSnapshot } from '../../api/store/types';
import { COMMANDS } from '../ids';
import { askProject } from '../input/projectForm';
import { revealProject } from '../tree/reveal';
import type { CommandDeps } from './deps';
import { idsFrom, pickServer } from './pick';
import { registerCommand, unwrap } from './run';

export const registerCreateProject = (deps: CommandDeps) =>
  registerCommand(COMMANDS.createProject, 'create the project', deps.log, async (arg, given?: unknown) => {
    const named = idsFrom(arg)?.serverId;
    const ready = (s: ServerSnapshot) => s.status.state === 'ready' && s.capabilities?.createProject !== false;
    const serverId = named ?? (await pickServer(deps, arg, ready, 'Create the project on which server?')).server.id;
    const input = given && typeof given === 'object' ? (given as NewProject) : await ask(deps, serverId);
    const { target, project } = unwrap(await createProject(deps.actions, serverId, input, { confirmed: true }));
    deps.log.info(`created project ${project.id} (${project.name}) on ${serverId}`);
    revealProject(deps.store, deps.view, target);
    void vscode.window
      .showInformationMessage(`Created the project ${project.name}.`, 'Send First Message')
      .then((a) => a && vscode.commands.executeCommand(COMMANDS.sendMessage, target));
    return project.id;
  });

async function ask(deps: CommandDeps, serverId: string): Promise<NewProject> {
  const server = deps.store.snapshot(serverId);
  const client = await deps.store.client(serverId);
  return askProject(
    (server?.projects ?? []).map((p) => p.project.name),
    client.backend.capabilities.visibility,
  );
}
