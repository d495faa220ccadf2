import { BiltError } from '../../core/errors';
import type { AgentTool } from './tool';
import { projectOf } from './tool';

export const answerQuestions: AgentTool<'bilt_answerQuestions'> = {
  name: 'bilt_answerQuestions',
  running: (i) => `Answering Bilt's questions for ${i.project ?? 'the project'}`,
  confirm: (i, d) => {
    const p = projectOf(d, i.project);
    const qs = p.entry.session?.workflows[0]?.pause?.questions ?? [];
    const lines = i.answers.map(
      (a) =>
        `- ${qs[a.questionIndex]?.question ?? `Question ${a.questionIndex + 1}`} → ${[...(a.selectedOptions ?? []), ...(a.text ? [a.text] : [])].join(', ')}`,
    );
    return { title: `Answer Bilt's questions for ${p.entry.project.name}?`, message: lines.join('\n') };
  },
  invoke: async (i, d, signal) => {
    const p = projectOf(d, i.project);
    const view = await d.store.loadSession(p.serverId, p.entry.project.id);
    const w = view.workflows[0];
    if (!w || w.status !== 'paused' || w.pause?.type !== 'questions') {
      throw new BiltError('illegal_state', 'No workflow is waiting for answers', {
        current_status: view.session.status,
      });
    }
    const client = await d.store.client(p.serverId, signal);
    const ref = { sessionId: view.session.id, projectId: p.entry.project.id };
    const answers = i.answers.map((a) => ({
      questionIndex: a.questionIndex,
      selectedOptions: a.selectedOptions ?? [],
      ...(a.text ? { text: a.text } : {}),
    }));
    const status = await client.backend.answer(ref, w.id, answers, { signal });
    d.store.afterAction(p.serverId, ref);
    return JSON.stringify({ answered: true, status });
  },
};
