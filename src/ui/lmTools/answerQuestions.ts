import { answerQuestions as answer } from '../../actions/answer';
import { mapDone } from '../../actions/outcome';
import { onProject } from '../../actions/target';
import { afterWaiting } from './results';
import type { AgentTool } from './tool';

export const answerQuestions: AgentTool<'bilt_answerQuestions'> = {
  name: 'bilt_answerQuestions',
  running: (i) => `Answering Bilt's questions for ${i.project ?? 'the project'}`,
  run: (ctx, i, o) =>
    onProject(ctx, i.project, async (target) => {
      const answers = i.answers.map((a) => ({ ...a, selectedOptions: a.selectedOptions ?? [] }));
      return mapDone(await answer(ctx, target, answers, o), (answered) =>
        afterWaiting(ctx, answered, i.wait, o.signal, { answered: true, status: answered.status }),
      );
    }),
};
