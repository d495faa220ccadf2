import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { asTarget } from './pick';
import { registerCommand } from './run';

export const registerRefresh = (d: CommandDeps) =>
  registerCommand(COMMANDS.refresh, 'refresh', d.log, async (arg) => {
    await d.store.refresh(asTarget(arg)?.serverId);
  });
