/** `@bilt /resume`: continues a paused (or interrupted) workflow and follows it; questions are answered instead. */
import { checkAnswer } from '../../../actions/answer';
import { needsAnswers, resumeWorkflow } from '../../../actions/resume';
import { readSession } from '../../../actions/reads';
import { md, questionsMarkdown } from '../../../present/chat/session';
import { followInChat } from '../follow';
import { doneOrSay, projectOf, type ChatHandler } from '../turn';

export const resume: ChatHandler = async (turn) => {
  const picked = await projectOf(turn);
  const before = doneOrSay(turn, await readSession(turn.deps.actions, picked.target, turn), picked.projectName);
  const outcome = before && (await resumeWorkflow(turn.deps.actions, picked.target, { confirmed: true }));
  if (outcome && needsAnswers(outcome)) {
    const asked = await checkAnswer(turn.deps.actions, picked.target, turn);
    const questions = asked.kind === 'done' ? asked.value.questions : [];
    turn.stream.markdown(
      `**${md(picked.projectName)}** waits for answers:\n\n${questionsMarkdown(questions)}\n\nReply with \`@bilt /answer …\`.`,
    );
    return { command: 'resume', state: 'questions', questions };
  }
  const resumed = outcome && doneOrSay(turn, outcome, picked.projectName);
  if (!before || !resumed) {
    return { command: 'resume', state: 'refused' };
  }
  turn.stream.markdown(`Resumed **${md(picked.projectName)}**.\n\n`);
  return followInChat(turn, { ...resumed, fromSeq: before.view.session.messageCount });
};
