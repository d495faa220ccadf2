import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { idsFrom } from './pick';
import { registerCommand } from './run';

export const registerRefresh = (d: CommandDeps) =>
  registerCommand(COMMANDS.refresh, 'refresh', d.log, async (arg) => {
    await d.store.refresh(idsFrom(arg)?.serverId);
  });
