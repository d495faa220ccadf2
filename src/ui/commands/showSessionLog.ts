import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { pickSession } from './pick';
import { registerCommand } from './run';

export const registerShowSessionLog = (d: CommandDeps) =>
  registerCommand(COMMANDS.showSessionLog, 'show the log', d.log, async (arg) => {
    const s = await pickSession(d, arg, 'Show the log of which project?');
    await d.logs.show(s.serverId, s.ref, s.projectName);
    return s.ref.sessionId;
  });
