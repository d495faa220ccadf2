/** `@bilt /status`: the project's session and workflows, in words and links. */
import { readSession } from '../../../actions/reads';
import { stateOf } from '../../../present/chat/followups';
import { sessionMarkdown } from '../../../present/chat/session';
import { COMMANDS } from '../../ids';
import { doneOrSay, projectOf, type ChatHandler } from '../turn';

export const status: ChatHandler = async (turn) => {
  const picked = await projectOf(turn);
  const loaded = doneOrSay(turn, await readSession(turn.deps.actions, picked.target, turn), picked.projectName);
  if (!loaded) {
    return { command: 'status', state: 'refused' };
  }
  const { view, latest } = loaded;
  turn.stream.markdown(
    sessionMarkdown({ projectName: picked.projectName, serverLabel: loaded.serverLabel, view, now: Date.now() }),
  );
  if (latest?.status === 'paused' && latest.pause?.type !== 'questions') {
    turn.stream.button({ command: COMMANDS.resumeWorkflow, title: 'Continue', arguments: [picked.target] });
  }
  const questions = latest?.pause?.type === 'questions' ? (latest.pause.questions ?? []) : undefined;
  return {
    command: 'status',
    state: stateOf(latest?.status, latest?.pause?.type),
    ...(questions ? { questions } : {}),
  };
};
