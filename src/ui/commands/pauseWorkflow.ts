/** Pause a running workflow on a server that can (a Session API gateway); Resume continues it. */
import { pauseWorkflow } from '../../actions/pause';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { pickProject } from './pick';
import { registerCommand, unwrap } from './run';

export const registerPauseWorkflow = (deps: CommandDeps) =>
  registerCommand(COMMANDS.pauseWorkflow, 'pause the workflow', deps.log, async (arg) => {
    const { target, projectName } = await pickProject(deps, arg, 'Pause the workflow of which session?');
    return unwrap(await pauseWorkflow(deps.actions, target, { confirmed: true }), projectName).status;
  });
