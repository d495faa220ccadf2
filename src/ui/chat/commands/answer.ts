/** `@bilt /answer [answers]`: shows a paused workflow's questions, or answers them and follows the workflow on. */
import { answerQuestions, checkAnswer } from '../../../actions/answer';
import { parseChatAnswers } from '../../../present/chat/answers';
import { md, questionsMarkdown } from '../../../present/chat/session';
import { COMMANDS } from '../../ids';
import { followInChat } from '../follow';
import { doneOrSay, projectOf, type ChatHandler } from '../turn';

export const answer: ChatHandler = async (turn) => {
  const picked = await projectOf(turn);
  const asked = doneOrSay(turn, await checkAnswer(turn.deps.actions, picked.target, turn), picked.projectName);
  if (!asked) {
    return { command: 'answer', state: 'refused' };
  }
  const { questions } = asked;
  const parsed = turn.request.prompt.trim() ? parseChatAnswers(questions, turn.request.prompt) : undefined;
  if (!parsed || 'error' in parsed) {
    const how = questions.length === 1 ? '`@bilt /answer <your answer>`' : '`@bilt /answer 1: <answer>; 2: <answer>`';
    const error = parsed ? `**Not answered**: ${md(parsed.error)}.\n\n` : '';
    turn.stream.markdown(
      `${error}**${md(picked.projectName)}** asks:\n\n${questionsMarkdown(questions)}\n\nReply with ${how}.`,
    );
    turn.stream.button({
      command: COMMANDS.answerQuestions,
      title: 'Answer in a Quick Pick',
      arguments: [picked.target],
    });
    return { command: 'answer', state: 'questions', questions };
  }
  const { loaded } = asked;
  const outcome = await answerQuestions(turn.deps.actions, picked.target, parsed.answers, { confirmed: true });
  const answered = doneOrSay(turn, outcome, picked.projectName);
  if (!answered) {
    return { command: 'answer', state: 'refused' };
  }
  turn.stream.markdown(`Answered. **${md(picked.projectName)}** goes on.\n\n`);
  return followInChat(turn, { ...answered, fromSeq: loaded.view.session.messageCount });
};
