import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { registerCommand } from './run';

export const registerShowLogs = (d: CommandDeps) =>
  registerCommand(COMMANDS.showLogs, 'show the diagnostics', d.log, async () => {
    d.log.show();
  });
