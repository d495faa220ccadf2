import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { idsFrom } from './pick';
import { registerCommand } from './run';

export const registerRefresh = (deps: CommandDeps) =>
  registerCommand(COMMANDS.refresh, 'refresh', deps.log, async (arg) => {
    await deps.store.refresh(idsFrom(arg)?.serverId);
  });
