import { readSession } from '../../actions/reads';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { pickProject } from './pick';
import { registerCommand, unwrap } from './run';

export const registerShowSessionLog = (deps: CommandDeps) =>
  registerCommand(COMMANDS.showSessionLog, 'show the log', deps.log, async (arg) => {
    const { target, projectName } = await pickProject(deps, arg, 'Show the log of which project?');
    const { ref, latest } = unwrap(await readSession(deps.actions, target), projectName);
    await deps.logs.show(target.serverId, ref, projectName);
    await deps.personal.markSeen(ref.sessionId, latest); // opening its log reads it
    return ref.sessionId;
  });
