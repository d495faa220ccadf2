/** Answer the questions a paused workflow asks, one quick pick each (or a caller's answers). */
import { answerQuestions, checkAnswer } from '../../actions/answer';
import type { Answer } from '../../core/model';
import { COMMANDS } from '../ids';
import { askAnswers } from '../input/answerPicks';
import type { CommandDeps } from './deps';
import { pickProject } from './pick';
import { registerCommand, unwrap } from './run';

export const registerAnswerQuestions = (deps: CommandDeps) =>
  registerCommand(COMMANDS.answerQuestions, 'send the answers', deps.log, async (arg, given?: unknown) => {
    const { target, projectName } = await pickProject(deps, arg, 'Answer the questions of which project?');
    const answers = Array.isArray(given)
      ? (given as Answer[])
      : await askAnswers(projectName, unwrap(await checkAnswer(deps.actions, target), projectName).questions);
    return unwrap(await answerQuestions(deps.actions, target, answers, { confirmed: true }), projectName).status;
  });
