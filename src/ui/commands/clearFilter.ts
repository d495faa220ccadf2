import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { registerCommand } from './run';

export const registerClearFilter = (deps: CommandDeps) =>
  registerCommand(COMMANDS.clearFilter, 'clear the filter', deps.log, async () => {
    deps.view.setFilter({});
    return {};
  });
