/** `@bilt /cancel [reason]`: says what would be lost and asks for the confirmation (a button) first. */
import { cancelWorkflow } from '../../../actions/cancel';
import { COMMANDS } from '../../ids';
import { md } from '../../../present/chat/session';
import { projectOf, sayRefused, type ChatHandler } from '../turn';

export const cancel: ChatHandler = async (turn) => {
  const picked = await projectOf(turn);
  const reason = turn.request.prompt.trim();
  const question = await cancelWorkflow(turn.deps.actions, picked.target, { reason, signal: turn.signal });
  if (question.kind === 'refused') {
    return sayRefused(turn, question, picked.projectName);
  }
  if (question.kind !== 'confirm') {
    return { command: 'cancel', state: 'stopped' };
  }
  turn.stream.markdown(`${md(question.message)}`);
  turn.stream.button({
    command: COMMANDS.cancelWorkflow,
    title: 'Cancel Workflow',
    arguments: [picked.target, reason],
  });
  return { command: 'cancel', state: 'confirm' };
};
