import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { registerCommand } from './run';

export const registerClearFilter = (d: CommandDeps) =>
  registerCommand(COMMANDS.clearFilter, 'clear the filter', d.log, async () => {
    d.view.setFilter({});
    return {};
  });
