import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { registerCommand } from './run';

/** Every session's ended work counts as seen: the dots and the badge's unread count go. */
export const registerMarkAllRead = (deps: CommandDeps) =>
  registerCommand(COMMANDS.markAllRead, 'mark everything read', deps.log, async () => {
    await deps.personal.markAllSeen(deps.store.snapshots());
  });
