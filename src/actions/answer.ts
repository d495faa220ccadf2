/** Answer the questions a paused workflow asks; the answers are checked against them as the engine does. */
import { checkAnswers, LIVE_ANSWER_NAMES } from '../core/answers';
import type { Answer, Question } from '../core/model';
import { answersRefused } from '../core/refusals';
import type { WorkflowStatus } from '../core/status';
import type { ActionContext, ActionOptions, Target, WriteOptions } from './context';
import { done, refused, settle, type Outcome } from './outcome';
import { loadTarget, type Loaded } from './target';

export interface Asked {
  loaded: Loaded;
  workflowId: string;
  questions: Question[];
}

export interface Answered {
  target: Target;
  projectName: string;
  sessionId: string;
  workflowId: string;
  status: WorkflowStatus;
}

/** The questions to ask a person, or why there are none. */
export function checkAnswer(ctx: ActionContext, target: Target, o: ActionOptions = {}): Promise<Outcome<Asked>> {
  return settle(o.signal, async () => {
    const loaded = await loadTarget(ctx, target);
    const refusal = answersRefused(loaded.latest);
    if (refusal || !loaded.latest) {
      return refused(refusal!);
    }
    return done({ loaded, workflowId: loaded.latest.id, questions: loaded.latest.pause?.questions ?? [] });
  });
}

/** "- Which colour? → Blue, with a twist" per answer. */
function summary(questions: Question[], answers: Answer[]): string {
  return answers
    .map((a) => {
      const picked = [...a.selectedOptions, ...(a.text ? [a.text] : [])].join(', ');
      return `- ${questions[a.questionIndex]?.question ?? `Question ${a.questionIndex + 1}`} → ${picked}`;
    })
    .join('\n');
}

export function answerQuestions(
  ctx: ActionContext,
  target: Target,
  answers: Answer[],
  o: WriteOptions = {},
): Promise<Outcome<Answered>> {
  return settle(o.signal, async () => {
    const asked = await checkAnswer(ctx, target, o);
    if (asked.kind !== 'done') {
      return asked;
    }
    const { loaded, workflowId, questions } = asked.value;
    const checked = checkAnswers(questions, answers, LIVE_ANSWER_NAMES);
    if (!o.confirmed) {
      return {
        kind: 'confirm',
        title: `Answer the questions of ${loaded.projectName}?`,
        message: summary(questions, checked),
        destructive: false,
      };
    }
    const client = await ctx.store.client(target.serverId, o.signal);
    const status = await client.backend.answer(loaded.ref, workflowId, checked, { signal: o.signal });
    ctx.store.afterAction(target.serverId, loaded.ref);
    return done({ target, projectName: loaded.projectName, sessionId: loaded.ref.sessionId, workflowId, status });
  });
}
