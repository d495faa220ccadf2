/** `@bilt /log [n]`: the last n messages (default 20, at most 100), oldest first. */
import { readMessages } from '../../../actions/reads';
import { LIMITS } from '../../../core/limits';
import { stateOf } from '../../../present/chat/followups';
import { md, messagesMarkdown } from '../../../present/chat/session';
import { COMMANDS } from '../../ids';
import { doneOrSay, projectOf, type ChatHandler } from '../turn';

const DEFAULT_COUNT = 20;

export const log: ChatHandler = async (turn) => {
  const asked = Number.parseInt(turn.request.prompt.trim(), 10);
  const count = Number.isFinite(asked) ? Math.min(LIMITS.messagesLimitMax, Math.max(1, asked)) : DEFAULT_COUNT;
  const picked = await projectOf(turn);
  const page = doneOrSay(turn, await readMessages(turn.deps.actions, picked.target, count, turn), picked.projectName);
  if (!page) {
    return { command: 'log', state: 'refused' };
  }
  const shown = page.messages.length;
  turn.stream.markdown(
    `**${md(picked.projectName)}**: the last ${shown} of ${page.total} message${page.total === 1 ? '' : 's'}\n\n${messagesMarkdown([...page.messages].reverse())}`,
  );
  turn.stream.button({ command: COMMANDS.showSessionLog, title: 'Open the Live Log', arguments: [picked.target] });
  return { command: 'log', state: stateOf(page.loaded.latest?.status, page.loaded.latest?.pause?.type) };
};
