/**
 * The errors that refuse an action because of a workflow's state, written once: the engine throws them,
 * and the extension's actions return them before asking a server, so a person, an agent and a program
 * read the same code, error and sentence wherever the refusal was decided.
 */
import { BiltError } from './errors';
import type { Workflow } from './model';
import { cancelRefusal, isActive, resumeRefusal } from './status';

/** What the rules read of a session's latest workflow (undefined: the session has none). */
export type Latest = Pick<Workflow, 'id' | 'status' | 'pause' | 'interrupted'> | undefined;

const invalidAnswers = (field: string, message: string) =>
  new BiltError('invalid_input', 'Invalid request body', { field, message });

/** One workflow per session: a pending, running or paused one refuses a new message. */
export function sendRefused(latest: Latest): BiltError | undefined {
  if (!latest || !isActive(latest.status)) {
    return undefined;
  }
  let message = 'Wait until the current workflow finishes or cancel it before sending a new message';
  if (latest.status === 'paused') {
    message =
      latest.pause?.type === 'questions'
        ? 'The current workflow is waiting for answers: answer its questions, or cancel it, before sending a new message'
        : 'The current workflow is paused: resume it, or cancel it, before sending a new message';
  }
  return new BiltError('conflict', 'A workflow is already in progress', {
    current_status: latest.status,
    workflow_id: latest.id,
    message,
  });
}

export function cancelRefused(latest: Latest): BiltError | undefined {
  const refusal = cancelRefusal(latest?.status ?? 'idle');
  return refusal
    ? new BiltError('illegal_state', 'Cannot cancel workflow', {
        current_status: latest?.status ?? 'idle',
        message: refusal,
      })
    : undefined;
}

function cannotResume(latest: Latest): BiltError | undefined {
  const refusal = resumeRefusal(latest?.status ?? 'idle', latest?.interrupted);
  return refusal
    ? new BiltError('illegal_state', 'Cannot resume workflow', {
        current_status: latest?.status ?? 'idle',
        message: refusal,
      })
    : undefined;
}

/** Resume without answers; a questions pause needs its answers (see answersRefused). */
export function resumeRefused(latest: Latest, field = 'answers'): BiltError | undefined {
  const refusal = cannotResume(latest);
  if (refusal) {
    return refusal;
  }
  const questions = latest?.status === 'paused' && latest.pause?.type === 'questions' ? latest.pause.questions : null;
  return questions ? answersRequired(questions.length, field) : undefined;
}

/**
 * Continue without answers and without a way to give them (the Session API's PATCH status active): a
 * workflow paused with questions waits for its answers, which is a state conflict here, not bad input.
 */
export function continueRefused(latest: Latest): BiltError | undefined {
  if (latest?.status === 'paused' && latest.pause?.type === 'questions') {
    const count = latest.pause.questions?.length ?? 0;
    return new BiltError('illegal_state', 'Cannot resume workflow', {
      current_status: 'paused',
      pause_type: 'questions',
      message: `The workflow is waiting for answers to ${count} question${count === 1 ? '' : 's'}: answer them (bilt_resume_workflow with answers) or cancel it`,
    });
  }
  return cannotResume(latest);
}

/** Answers are taken only by a workflow paused with questions. */
export function answersRefused(latest: Latest, field = 'answers'): BiltError | undefined {
  const refusal = cannotResume(latest);
  if (refusal) {
    return refusal;
  }
  return latest?.status === 'paused' && latest.pause?.type === 'questions'
    ? undefined
    : invalidAnswers(field, 'answers are only accepted when the workflow paused with questions');
}

export function answersRequired(questionCount: number, field = 'answers'): BiltError {
  const questions = `${questionCount} question${questionCount === 1 ? '' : 's'}`;
  return invalidAnswers(field, `${field} is required: the workflow is waiting for answers to ${questions}`);
}

/** A session whose workflow is pending, running or paused is not deleted unless its work is cancelled first. */
export function deleteRefused(latest: Latest): BiltError | undefined {
  if (!latest || !isActive(latest.status)) {
    return undefined;
  }
  return new BiltError('conflict', 'Cannot delete session', {
    current_status: latest.status,
    workflow_id: latest.id,
    message: `The session's workflow is ${latest.status}: cancel it first, or delete with force=true, which cancels it`,
  });
}

/** Project names are unique per account, case-insensitively. */
export function nameTaken(existing: { id: string; name: string }): BiltError {
  return new BiltError('conflict', 'Project name already exists', {
    field: 'name',
    message: `A project named "${existing.name}" already exists; names are unique (case-insensitive)`,
    project_id: existing.id,
  });
}
