/**
 * Send a message, from the compose editor, from a caller's argument, or typed in the send box (asked
 * only once the project takes one); optionally wait for the result with progress.
 */
import { checkSend, sendMessage } from '../../actions/send';
import { COMMANDS } from '../ids';
import { askMessage, type Composed } from '../input/messageBox';
import { followWithProgress } from '../workflowProgress';
import type { CommandDeps } from './deps';
import { pickProject } from './pick';
import { registerCommand, unwrap } from './run';

export const registerSendMessage = (deps: CommandDeps) =>
  registerCommand(COMMANDS.sendMessage, 'send the message', deps.log, async (arg, given?: unknown) => {
    const draft = arg === undefined && typeof given !== 'string' ? deps.composer.active() : undefined;
    const { target, projectName } = draft ?? (await pickProject(deps, arg, 'Send a message to which project?'));
    let message: Composed = { text: draft?.text ?? String(given ?? ''), wait: false };
    if (!draft && typeof given !== 'string') {
      unwrap(await checkSend(deps.actions, target), projectName);
      message = await askMessage(projectName);
    }
    if (message.editor) {
      return void (await deps.composer.open(target, projectName, message.text));
    }
    const sent = unwrap(await sendMessage(deps.actions, target, message.text, { confirmed: true }), projectName);
    if (draft) {
      await deps.composer.done(draft.document);
    }
    void (message.wait
      ? followWithProgress(deps.actions, sent)
      : deps.logs.show(target.serverId, { sessionId: sent.sessionId, projectId: target.projectId }, projectName));
    return sent.workflowId;
  });
