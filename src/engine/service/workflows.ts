/**
 * Sending, cancelling, resuming and answering: the state rules of the contract, checked here and
 * nowhere else in the engine. Each function commits its records before it returns.
 */
import { BiltError } from '../../core/errors';
import { HOUR_MS } from '../../core/limits';
import type { Answer, Session, Workflow } from '../../core/model';
import { answersRefused, cancelRefused, resumeRefused, sendRefused } from '../../core/refusals';
import { checkAnswers, type AnswerNames } from '../../core/answers';
import type { ChangeRecord } from '../state/records';
import { iso, type ServiceContext } from './context';
import type { Runner } from './runner';
import { getSessionById } from './sessions';
import { cancelRecords, messageRecord, resumeRecords } from './workflowRecords';

export async function sendMessage(
  ctx: ServiceContext,
  runner: Runner,
  sessionId: string,
  text: string,
): Promise<Workflow> {
  const { workflow, records } = startRecords(ctx, getSessionById(ctx, sessionId), text);
  await commitAndStart(ctx, runner, workflow, records);
  return ctx.state.workflow(workflow.id)!;
}

/**
 * Commits the records that create a pending workflow and starts it: with a free agent slot, its
 * running status goes into the same commit (one fdatasync for the whole acknowledged send); without
 * one, it waits pending in the runner's queue.
 */
export async function commitAndStart(
  ctx: ServiceContext,
  runner: Runner,
  workflow: Workflow,
  records: ChangeRecord[],
): Promise<void> {
  const running = runner.claim(workflow);
  try {
    await ctx.committer.commit(running ? [...records, running] : records);
  } catch (e) {
    runner.unclaim(workflow.id);
    throw e;
  }
  await (running ? runner.launch(workflow.id) : runner.enqueue(workflow.id));
}

/**
 * The records that start a workflow with `text` (the user's message, then the pending workflow), or
 * the refusal: one workflow per session at a time, the hourly message limit per project. Synchronous,
 * so a caller that commits at once commits exactly what was checked (the session may be one the same
 * commit creates).
 */
export function startRecords(
  ctx: ServiceContext,
  session: Pick<Session, 'id' | 'projectId'>,
  text: string,
): { workflow: Workflow; records: ChangeRecord[] } {
  const sessionId = session.id;
  const busy = sendRefused(ctx.state.latestWorkflow(sessionId));
  if (busy) {
    throw busy;
  }
  const now = ctx.clock.now();
  const { count, oldest } = ctx.state.userMessagesSince(session.projectId, now - HOUR_MS);
  if (count >= ctx.limits.messagesPerHourPerProject) {
    const retryAfter = Math.max(1, Math.ceil(((oldest ?? now) + HOUR_MS - now) / 1000));
    throw new BiltError('rate_limited', 'Rate limit exceeded', {
      message: `At most ${ctx.limits.messagesPerHourPerProject} messages per hour per project; retry in ${retryAfter} s`,
      limit: ctx.limits.messagesPerHourPerProject,
      retry_after: retryAfter,
    });
  }
  const at = iso(ctx.clock);
  const workflow: Workflow = {
    id: ctx.newId(),
    sessionId,
    projectId: session.projectId,
    status: 'pending',
    message: text,
    progress: null,
    pause: null,
    result: null,
    error: null,
    cancelReason: null,
    interrupted: false,
    createdAt: at,
    startedAt: null,
    endedAt: null,
    updatedAt: at,
  };
  const records: ChangeRecord[] = [
    messageRecord(ctx, { id: workflow.id, sessionId }, 'user', 'info', text),
    { type: 'workflow.created', workflow },
  ];
  return { workflow, records };
}

function latestOrIdle(ctx: ServiceContext, sessionId: string): Workflow | undefined {
  getSessionById(ctx, sessionId);
  return ctx.state.latestWorkflow(sessionId);
}

export async function cancelWorkflow(
  ctx: ServiceContext,
  runner: Runner,
  sessionId: string,
  reason?: string,
): Promise<Workflow> {
  const w = latestOrIdle(ctx, sessionId);
  const refused = cancelRefused(w);
  if (refused || !w) {
    throw refused!;
  }
  await ctx.committer.commit(cancelRecords(ctx, w, reason));
  runner.cancel(w.id);
  return ctx.state.workflow(w.id)!;
}

/** Resumes a paused workflow (with answers when it asked questions) or re-runs an interrupted one. */
export async function resumeWorkflow(
  ctx: ServiceContext,
  runner: Runner,
  sessionId: string,
  answers?: Answer[],
  auto = false,
  names?: AnswerNames,
): Promise<Workflow> {
  const w = latestOrIdle(ctx, sessionId);
  const refused = answers?.length ? answersRefused(w, names?.answers) : resumeRefused(w, names?.answers);
  if (refused || !w) {
    throw refused!;
  }
  const questions = w.status === 'paused' && w.pause?.type === 'questions' ? (w.pause.questions ?? []) : undefined;
  const checked = questions ? checkAnswers(questions, answers, names) : [];
  await ctx.committer.commit(resumeRecords(ctx, w, checked, auto));
  if (w.status === 'failed') {
    await runner.enqueue(w.id);
  } else {
    runner.resume(w.id, checked);
  }
  return ctx.state.workflow(w.id)!;
}

/** Engine-initiated pause of a running workflow (the agent is frozen until resume). */
export async function suspendWorkflow(ctx: ServiceContext, runner: Runner, sessionId: string): Promise<Workflow> {
  const w = latestOrIdle(ctx, sessionId);
  if (!w || w.status !== 'running') {
    throw new BiltError('illegal_state', 'Cannot pause workflow', {
      current_status: w?.status ?? 'idle',
      message: 'Only a running workflow can be paused',
    });
  }
  const suspended = runner.suspend(w.id);
  if (suspended === 'busy') {
    throw new BiltError('illegal_state', 'Cannot pause workflow', {
      current_status: w.status,
      message: 'The workflow is starting or finishing; try again in a moment',
    });
  }
  if (suspended === 'unsupported') {
    throw new BiltError('unsupported', 'Cannot pause workflow', {
      message: `The ${runner.agentNameOf(w.id)} agent cannot be paused`,
    });
  }
  const at = iso(ctx.clock);
  await ctx.committer.commit([
    { type: 'workflow.updated', workflowId: w.id, patch: { status: 'paused', pause: null, updatedAt: at } },
    messageRecord(ctx, w, 'ai', 'info', 'Workflow paused. Resume it to continue.'),
  ]);
  return ctx.state.workflow(w.id)!;
}
