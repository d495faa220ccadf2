/** Builders for the records of a workflow's life, so every path writes the same messages and fields. */
import type { Answer, Pause, Side, Variant, Workflow } from '../../core/model';
import type { AgentOutcome } from '../agents/types';
import type { ChangeRecord } from '../state/records';
import { iso, type ServiceContext } from './context';

export function messageRecord(
  ctx: ServiceContext,
  w: Pick<Workflow, 'id' | 'sessionId'> | { id: null; sessionId: string },
  side: Side,
  variant: Variant,
  text: string,
): ChangeRecord {
  const seq = (ctx.state.session(w.sessionId)?.messageCount ?? 0) + 1;
  return {
    type: 'message.appended',
    message: {
      id: ctx.newId(),
      sessionId: w.sessionId,
      workflowId: w.id,
      seq,
      side,
      variant,
      text,
      createdAt: iso(ctx.clock),
    },
  };
}

function describePause(p: Pause): string {
  switch (p.type) {
    case 'questions': {
      const qs = p.questions ?? [];
      const lines = qs.map((q, i) => `${i + 1}. ${q.question}${q.options.length ? ` (${q.options.join(' / ')})` : ''}`);
      return [`Waiting for your answer${qs.length === 1 ? '' : 's'}:`, ...lines].join('\n');
    }
    case 'secrets':
      return `Action needed: add the required secrets at ${p.projectUrl ?? 'the project page'}; the workflow continues once they are set.${p.message ? ` ${p.message}` : ''}`;
    case 'supabase':
      return `Action needed: connect Supabase at ${p.projectUrl ?? 'the project page'}; the workflow continues once it is connected.${p.message ? ` ${p.message}` : ''}`;
  }
}

export function pauseRecords(ctx: ServiceContext, w: Workflow, pause: Pause): ChangeRecord[] {
  return [
    messageRecord(
      ctx,
      w,
      'ai',
      'info',
      pause.message && pause.type === 'questions' ? `${pause.message}\n${describePause(pause)}` : describePause(pause),
    ),
    { type: 'workflow.updated', workflowId: w.id, patch: { status: 'paused', pause, updatedAt: iso(ctx.clock) } },
  ];
}

export function finishRecords(ctx: ServiceContext, w: Workflow, outcome: AgentOutcome): ChangeRecord[] {
  const at = iso(ctx.clock);
  if (outcome.status === 'completed') {
    const result = {
      ...(outcome.url !== undefined ? { url: outcome.url } : {}),
      ...(outcome.summary !== undefined ? { summary: outcome.summary } : {}),
    };
    const text = ['Workflow completed.', outcome.summary, outcome.url ? `Deployed to ${outcome.url}` : undefined]
      .filter(Boolean)
      .join(' ');
    return [
      messageRecord(ctx, w, 'ai', 'success', text),
      {
        type: 'workflow.updated',
        workflowId: w.id,
        patch: {
          status: 'completed',
          result,
          pause: null,
          progress: { percentage: 100, currentStep: w.progress?.currentStep ?? 'Done' },
          endedAt: at,
          updatedAt: at,
        },
      },
    ];
  }
  return [
    messageRecord(ctx, w, 'ai', 'error', `Workflow failed: ${outcome.error}`),
    {
      type: 'workflow.updated',
      workflowId: w.id,
      patch: { status: 'failed', error: outcome.error, pause: null, endedAt: at, updatedAt: at },
    },
  ];
}

export function cancelRecords(ctx: ServiceContext, w: Workflow, reason: string | undefined): ChangeRecord[] {
  const at = iso(ctx.clock);
  return [
    messageRecord(ctx, w, 'ai', 'info', reason ? `Workflow cancelled: ${reason}` : 'Workflow cancelled.'),
    {
      type: 'workflow.updated',
      workflowId: w.id,
      patch: { status: 'cancelled', cancelReason: reason ?? null, pause: null, endedAt: at, updatedAt: at },
    },
  ];
}

export function interruptedRecords(ctx: ServiceContext, w: Workflow, why: string): ChangeRecord[] {
  const at = iso(ctx.clock);
  const error = `Interrupted: ${why} while the workflow was ${w.status}`;
  return [
    messageRecord(
      ctx,
      w,
      'ai',
      'error',
      `${error}. Resume it (bilt_resume_workflow) to run it again, or send a new message.`,
    ),
    {
      type: 'workflow.updated',
      workflowId: w.id,
      patch: { status: 'failed', interrupted: true, error, pause: null, endedAt: at, updatedAt: at },
    },
  ];
}

export function resumeRecords(ctx: ServiceContext, w: Workflow, answers: Answer[], auto: boolean): ChangeRecord[] {
  const at = iso(ctx.clock);
  if (w.status === 'failed') {
    return [
      {
        type: 'workflow.updated',
        workflowId: w.id,
        patch: { status: 'pending', interrupted: false, error: null, endedAt: null, updatedAt: at },
      },
      messageRecord(ctx, w, 'ai', 'info', 'Resuming the interrupted workflow from the start.'),
    ];
  }
  const questions = w.pause?.questions ?? [];
  const text = answers.length
    ? answers
        .map(
          (a) =>
            `${questions[a.questionIndex]?.question ?? `Question ${a.questionIndex + 1}`} → ${[...a.selectedOptions, ...(a.text ? [a.text] : [])].join(', ')}`,
        )
        .join('\n')
    : auto
      ? 'Done at the project page; continuing.'
      : 'Resume requested.';
  return [
    { type: 'workflow.updated', workflowId: w.id, patch: { status: 'running', pause: null, updatedAt: at } },
    messageRecord(ctx, w, answers.length ? 'user' : 'ai', 'info', text),
  ];
}
