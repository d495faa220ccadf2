import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { registerCommand } from './run';

export const registerShowLogs = (deps: CommandDeps) =>
  registerCommand(COMMANDS.showLogs, 'show the diagnostics', deps.log, async () => {
    deps.log.show();
  });
