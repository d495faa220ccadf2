/** The client over a seed-contract server (8 tools, snake_case, session-keyed). */
import { z } from 'zod';
import type { Answer, MessagePage } from '../../core/model';
import { WORKFLOW_STATUSES } from '../../core/status';
import type {
  BiltBackend,
  CallOptions,
  Capabilities,
  CreateProjectInput,
  SendOptions,
  SendResult,
  SessionRef,
} from '../backend';
import type { McpConnection } from '../mcp/connection';
import { parseAnswer } from './parse';
import {
  messageFromSeed,
  projectFromSeed,
  SeedMessagesIn,
  SeedProjectIn,
  SeedSessionIn,
  sessionFromSeed,
} from './seedWire';

const SendIn = z.looseObject({
  session_id: z.string(),
  workflow_started: z.boolean(),
  subscriber_count: z.number().int().optional(),
  workflow_id: z.string().optional(),
  status: z.enum(WORKFLOW_STATUSES).optional(),
  timed_out: z.boolean().optional(),
});
const StatusIn = z.looseObject({ status: z.enum(WORKFLOW_STATUSES) });
const CancelIn = z.looseObject({
  session_id: z.string(),
  status: z.literal('cancelled'),
  cancelled_at: z.string(),
  workflow_id: z.string().optional(),
});

export class SeedBackend implements BiltBackend {
  readonly kind = 'mcp-seed' as const;

  constructor(
    private readonly mcp: McpConnection,
    readonly capabilities: Capabilities,
  ) {}

  async listProjects(o?: CallOptions) {
    const r = parseAnswer(
      'bilt_list_projects',
      z.looseObject({ projects: z.array(SeedProjectIn) }),
      await this.mcp.call('bilt_list_projects', {}, o),
    );
    return r.projects.map(projectFromSeed);
  }
  async getProject(projectId: string, o?: CallOptions) {
    return projectFromSeed(
      parseAnswer(
        'bilt_get_project',
        SeedProjectIn,
        await this.mcp.call('bilt_get_project', { project_id: projectId }, o),
      ),
    );
  }
  async createProject(input: CreateProjectInput, o?: CallOptions) {
    const args = {
      name: input.name,
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.visibility ? { visibility: input.visibility.toUpperCase() } : {}),
    };
    return projectFromSeed(
      parseAnswer('bilt_create_project', SeedProjectIn, await this.mcp.call('bilt_create_project', args, o)),
    );
  }
  async getSession(q: { projectId?: string; sessionId?: string }, o?: CallOptions) {
    const args = {
      ...(q.sessionId ? { session_id: q.sessionId } : {}),
      ...(q.projectId && !q.sessionId ? { project_id: q.projectId } : {}),
    };
    return sessionFromSeed(
      parseAnswer('bilt_get_session', SeedSessionIn, await this.mcp.call('bilt_get_session', args, o)),
    );
  }
  async sendMessage(ref: SessionRef, message: string, o: SendOptions = {}): Promise<SendResult> {
    const raw = await this.mcp.call(
      'bilt_send_message',
      { session_id: ref.sessionId, message, ...(o.wait ? { wait_for_response: true } : {}) },
      {
        signal: o.signal,
        blocking: o.wait ?? false,
        onprogress: o.onProgress
          ? (p) => o.onProgress!({ percentage: p.total ? (p.progress / p.total) * 100 : p.progress, step: p.message })
          : undefined,
      },
    );
    const r = parseAnswer('bilt_send_message', SendIn, raw);
    return {
      sessionId: r.session_id,
      workflowId: r.workflow_id ?? '',
      workflow: undefined,
      status: r.status ?? 'pending',
      timedOut: r.timed_out ?? false,
      ...(r.subscriber_count !== undefined ? { subscriberCount: r.subscriber_count } : {}),
    };
  }
  async answer(ref: SessionRef, _workflowId: string, answers: Answer[], o?: CallOptions) {
    const args = {
      session_id: ref.sessionId,
      answers: answers.map((a) => ({
        question_index: a.questionIndex,
        selected_options: a.selectedOptions,
        ...(a.text !== undefined ? { text: a.text } : {}),
      })),
    };
    return parseAnswer('bilt_resume_workflow', StatusIn, await this.mcp.call('bilt_resume_workflow', args, o)).status;
  }
  async resume(ref: SessionRef, o?: CallOptions) {
    return parseAnswer(
      'bilt_resume_workflow',
      StatusIn,
      await this.mcp.call('bilt_resume_workflow', { session_id: ref.sessionId }, o),
    ).status;
  }
  async cancel(ref: SessionRef, reason?: string, o?: CallOptions) {
    const r = parseAnswer(
      'bilt_cancel_workflow',
      CancelIn,
      await this.mcp.call('bilt_cancel_workflow', { session_id: ref.sessionId, ...(reason ? { reason } : {}) }, o),
    );
    return { workflowId: r.workflow_id, cancelledAt: r.cancelled_at };
  }
  async getMessages(ref: SessionRef, page: { limit?: number; offset?: number }, o?: CallOptions): Promise<MessagePage> {
    const args = {
      session_id: ref.sessionId,
      ...(page.limit !== undefined ? { limit: page.limit } : {}),
      ...(page.offset !== undefined ? { offset: page.offset } : {}),
    };
    const r = parseAnswer('bilt_get_messages', SeedMessagesIn, await this.mcp.call('bilt_get_messages', args, o));
    const offset = page.offset ?? 0;
    return {
      messages: r.messages.map((m, i) => messageFromSeed(m, ref.sessionId, r.total - offset - i)),
      total: r.total,
      hasMore: r.has_more,
    };
  }
  close() {
    return this.mcp.close();
  }
}
