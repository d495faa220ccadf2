/**
 * The one map from a state to how it looks: a codicon id, a theme color id and the words said aloud.
 * Status is always in words too (description, accessibility), never only in color.
 */
import type { PauseType, SessionStatus } from '../core/status';

export interface Look {
  /** Codicon id; `~spin` animates (only on loading/sync/gear). */
  icon: string;
  /** Theme color id, or undefined for the default foreground. */
  color?: string;
  words: string;
}

export function statusLook(status: SessionStatus, pauseType?: PauseType | null): Look {
  switch (status) {
    case 'idle':
      return { icon: 'circle-outline', words: 'idle' };
    case 'pending':
      return { icon: 'clock', color: 'charts.yellow', words: 'queued' };
    case 'running':
      return { icon: 'loading~spin', words: 'running' };
    case 'paused':
      if (pauseType === 'questions') {
        return {
          icon: 'comment-discussion',
          color: 'notificationsWarningIcon.foreground',
          words: 'needs your answers',
        };
      }
      if (pauseType === 'secrets') {
        return { icon: 'key', color: 'notificationsWarningIcon.foreground', words: 'needs secrets' };
      }
      if (pauseType === 'supabase') {
        return { icon: 'database', color: 'notificationsWarningIcon.foreground', words: 'needs Supabase' };
      }
      return { icon: 'debug-pause', color: 'charts.yellow', words: 'paused' };
    case 'completed':
      return { icon: 'pass', color: 'testing.iconPassed', words: 'completed' };
    case 'failed':
      return { icon: 'error', color: 'testing.iconFailed', words: 'failed' };
    case 'cancelled':
      return { icon: 'circle-slash', color: 'disabledForeground', words: 'cancelled' };
  }
}

export const SERVER_ICON = { local: 'vm', remote: 'cloud' } as const;
export const PROJECT_ICON = 'package';
export const ERROR_ICON = 'warning';
