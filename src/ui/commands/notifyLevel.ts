/**
 * Watch, mute or the default notifications for a project (its context menu; "Mute This Project" on a
 * notification does the same): one command per level, over one setter.
 */
import * as vscode from 'vscode';
import type { NotifyLevel } from '../../present/personal';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { pickProject } from './pick';
import { registerCommand } from './run';

const SAID: Record<NotifyLevel, string> = {
  watch: 'notifies every change',
  default: 'notifies when a workflow completes, fails or needs you',
  mute: 'is muted: no notifications, not counted in the status bar',
};

const registerLevel = (deps: CommandDeps, id: string, level: NotifyLevel) =>
  registerCommand(id, 'change the notifications', deps.log, async (arg) => {
    const { target, projectName } = await pickProject(deps, arg, 'Which project?');
    await deps.personal.setLevel(target.serverId, target.projectId, level);
    void vscode.window.showInformationMessage(`Bilt: ${projectName} ${SAID[level]}.`);
    return level;
  });

export const registerNotifyLevels = (deps: CommandDeps) => [
  registerLevel(deps, COMMANDS.watchProject, 'watch'),
  registerLevel(deps, COMMANDS.muteProject, 'mute'),
  registerLevel(deps, COMMANDS.notifyDefault, 'default'),
];
