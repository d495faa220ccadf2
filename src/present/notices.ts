/** The notification a workflow's change makes: its words, how loud, and the actions that help next. */
import type { Attention, WorkflowEvent } from './attention';
import { statusLook } from './icons';

export type NoticeAction = 'showLog' | 'openApp' | 'resume' | 'answer' | 'mute';

export interface Notice {
  text: string;
  severity: 'info' | 'warning' | 'error';
  actions: Array<{ title: string; action: NoticeAction }>;
}

export function noticeFor(e: Attention & { event: WorkflowEvent }): Notice {
  const log = { title: 'Show Log', action: 'showLog' as const };
  const mute = { title: 'Mute This Project', action: 'mute' as const };
  const w = e.workflow;
  switch (e.event) {
    case 'completed':
      return {
        text: `Bilt: ${e.projectName} completed.`,
        severity: 'info',
        actions: [...(w.result?.url ? [{ title: 'Open App', action: 'openApp' as const }] : []), log, mute],
      };
    case 'failed':
      return {
        text: `Bilt: ${e.projectName} failed${w.error ? `: ${w.error}` : '.'}`,
        severity: 'error',
        actions: [...(w.interrupted ? [{ title: 'Resume', action: 'resume' as const }] : []), log, mute],
      };
    case 'needs-input': {
      const questions = w.pause?.type === 'questions';
      return {
        text: `Bilt: ${e.projectName} ${questions ? 'has questions for you' : 'needs you to act at the project page'}.`,
        severity: 'warning',
        actions: [{ title: questions ? 'Answer' : 'Resume', action: questions ? 'answer' : 'resume' }, log, mute],
      };
    }
    case 'changed':
      return {
        text: `Bilt: ${e.projectName} is ${statusLook(w.status, w.pause?.type).words}.`,
        severity: 'info',
        actions: [log, mute],
      };
  }
}
