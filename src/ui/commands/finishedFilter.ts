/** Hide finished work (completed or cancelled, and read) from the tree, or show it again; remembered per workspace. */
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { registerCommand } from './run';

export const registerFinishedFilter = (deps: CommandDeps) => [
  registerCommand(COMMANDS.hideFinished, 'hide finished work', deps.log, () => deps.personal.setHideFinished(true)),
  registerCommand(COMMANDS.showFinished, 'show finished work', deps.log, () => deps.personal.setHideFinished(false)),
];
