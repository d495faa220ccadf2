/**
 * What a chat turn ended in, and the follow-ups it offers: the obvious next step (answer, resume, the
 * log, the status, cancel). Plain data, shaped as VS Code's ChatFollowup, so it is tested without VS Code.
 */
import type { Question } from '../../core/model';

export type TurnState =
  | 'idle'
  | 'running'
  | 'questions'
  | 'paused'
  | 'completed'
  | 'failed'
  | 'cancelled'
  | 'confirm'
  | 'refused'
  | 'stopped';

/** What the participant remembers of a turn (ChatResult.metadata). */
export interface TurnMeta {
  command: string;
  state: TurnState;
  /** The questions of a pause, for answer follow-ups. */
  questions?: Question[];
}

export interface Followup {
  prompt: string;
  label: string;
  command?: string;
}

export function followupsFor(meta: TurnMeta | undefined): Followup[] {
  switch (meta?.state) {
    case 'questions': {
      const only = meta.questions?.length === 1 && !meta.questions[0]!.multiSelect ? meta.questions[0] : undefined;
      const options = (only?.options ?? []).slice(0, 4);
      return options.length
        ? options.map((o) => ({ prompt: o, label: `Answer: ${o}`, command: 'answer' }))
        : [{ prompt: '', label: 'Show the questions', command: 'answer' }];
    }
    case 'paused':
      return [{ prompt: '', label: 'Resume', command: 'resume' }];
    case 'running':
    case 'stopped':
      return [
        { prompt: '', label: 'Where is it now?', command: 'status' },
        { prompt: '', label: 'Cancel it', command: 'cancel' },
      ];
    case 'completed':
    case 'failed':
    case 'cancelled':
      return [{ prompt: '20', label: 'Show the log', command: 'log' }];
    case 'refused':
      return [{ prompt: '', label: 'Show the status', command: 'status' }];
    default:
      return [];
  }
}

/** The state a workflow's status leaves a turn in. */
export function stateOf(status: string | undefined, pauseType?: string | null): TurnState {
  switch (status) {
    case undefined:
    case 'idle':
      return 'idle';
    case 'pending':
    case 'running':
      return 'running';
    case 'paused':
      return pauseType === 'questions' ? 'questions' : 'paused';
    default:
      return status as TurnState;
  }
}
