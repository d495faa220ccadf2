/** `@bilt /send <instruction>`: starts a workflow and follows it in the response until it settles. */
import { checkSend, sendMessage } from '../../../actions/send';
import { md } from '../../../present/chat/session';
import { followInChat } from '../follow';
import { doneOrSay, projectOf, type ChatHandler } from '../turn';

export const send: ChatHandler = async (turn) => {
  const text = turn.request.prompt.trim();
  if (!text) {
    turn.stream.markdown('Tell Bilt what to build, e.g. `@bilt /send Add a login screen with email and password`.');
    return { command: 'send', state: 'refused' };
  }
  const picked = await projectOf(turn);
  const before = doneOrSay(turn, await checkSend(turn.deps.actions, picked.target, turn), picked.projectName);
  const sent =
    before &&
    doneOrSay(turn, await sendMessage(turn.deps.actions, picked.target, text, { confirmed: true }), picked.projectName);
  if (!before || !sent) {
    return { command: 'send', state: 'refused' };
  }
  turn.stream.markdown(`Sent to **${md(picked.projectName)}**.\n\n`);
  return followInChat(turn, { ...sent, fromSeq: before.view.session.messageCount });
};
