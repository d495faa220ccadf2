/**
 * The client over a live-contract server (7 tools, camelCase, project-keyed). Its send blocks until
 * the workflow settles, so a non-waiting send starts the call and returns as soon as the new workflow
 * shows in bilt_get_session, leaving the call to finish in the background. There is no resume tool:
 * questions are answered through send; secrets/Supabase pauses resume by themselves.
 */
import { z } from 'zod';
import { BiltError } from '../../core/errors';
import type { Answer, MessagePage, Workflow } from '../../core/model';
import type {
  BiltBackend,
  CallOptions,
  Capabilities,
  CreateProjectInput,
  SendOptions,
  SendResult,
  SessionRef,
  SessionView,
} from '../backend';
import type { McpConnection } from '../mcp/connection';
import { abortableSleep } from '../http/sleep';
import {
  domainStatus,
  LiveMessagesIn,
  LiveProjectIn,
  LiveSendIn,
  LiveSessionIn,
  messageFromLive,
  projectFromLive,
  sessionFromLive,
} from './liveWire';
import { parseAnswer } from './parse';

const CancelIn = z.looseObject({ workflowId: z.string().optional(), cancelledAt: z.string().optional() });
/** How long a non-waiting send looks for its workflow before giving up. */
const START_WINDOW_MS = 60_000;

export class LiveBackend implements BiltBackend {
  readonly kind = 'mcp-live' as const;

  constructor(
    private readonly mcp: McpConnection,
    readonly capabilities: Capabilities,
    private readonly paginates: boolean,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  async listProjects(o?: CallOptions) {
    const r = parseAnswer(
      'bilt_list_projects',
      z.looseObject({ projects: z.array(LiveProjectIn) }),
      await this.mcp.call('bilt_list_projects', {}, o),
    );
    return r.projects.map(projectFromLive);
  }
  async getProject(projectId: string, o?: CallOptions) {
    return projectFromLive(
      parseAnswer('bilt_get_project', LiveProjectIn, await this.mcp.call('bilt_get_project', { projectId }, o)),
    );
  }
  async createProject(input: CreateProjectInput, o?: CallOptions) {
    const args = { name: input.name, ...(input.description !== undefined ? { description: input.description } : {}) };
    return projectFromLive(
      parseAnswer('bilt_create_project', LiveProjectIn, await this.mcp.call('bilt_create_project', args, o)),
    );
  }
  async getSession(q: { projectId?: string; sessionId?: string }, o?: CallOptions): Promise<SessionView> {
    if (!q.projectId) {
      throw new BiltError('invalid_input', 'Invalid request body', {
        field: 'project_id',
        message: 'this server keys sessions by project: project_id is required',
      });
    }
    return sessionFromLive(
      parseAnswer(
        'bilt_get_session',
        LiveSessionIn,
        await this.mcp.call('bilt_get_session', { projectId: q.projectId }, o),
      ),
    );
  }

  async sendMessage(ref: SessionRef, message: string, o: SendOptions = {}): Promise<SendResult> {
    const before = o.wait ? undefined : await this.workflowIds(ref.projectId, o.signal);
    const { r, seen } = await this.blockingCall(
      ref,
      { projectId: ref.projectId, message },
      o,
      before && ((v) => v.workflows.find((w) => !before.has(w.id))),
    );
    if (seen) {
      return { sessionId: ref.sessionId, workflowId: seen.id, workflow: seen, status: seen.status, timedOut: false };
    }
    return {
      sessionId: ref.sessionId,
      workflowId: r!.workflowId,
      workflow: undefined,
      status: domainStatus(r!.status),
      timedOut: r!.status === 'timeout',
    };
  }

  async answer(ref: SessionRef, workflowId: string, answers: Answer[], o: CallOptions = {}) {
    const args = { projectId: ref.projectId, workflowId, answers: JSON.stringify(answers) };
    const { r, seen } = await this.blockingCall(ref, args, o, (v) =>
      v.workflows.find((w) => w.id === workflowId && w.status !== 'paused'),
    );
    return seen ? seen.status : domainStatus(r!.status);
  }

  async resume(ref: SessionRef, o?: CallOptions): Promise<Workflow['status']> {
    const latest = (await this.getSession({ projectId: ref.projectId }, o)).workflows[0];
    const why =
      latest?.status !== 'paused'
        ? `there is no paused workflow to resume (status: ${latest?.status ?? 'idle'})`
        : latest.pause?.type === 'questions'
          ? 'the workflow waits for answers to its questions: answer them instead'
          : `the workflow continues by itself once the step at ${latest.pause?.projectUrl ?? 'the project page'} is done`;
    throw new BiltError('unsupported', 'This server has no resume operation', {
      message: why,
      current_status: latest?.status ?? 'idle',
    });
  }

  async cancel(ref: SessionRef, reason?: string, o?: CallOptions) {
    const r = parseAnswer(
      'bilt_cancel_workflow',
      CancelIn,
      await this.mcp.call('bilt_cancel_workflow', { projectId: ref.projectId, ...(reason ? { reason } : {}) }, o),
    );
    return { workflowId: r.workflowId, cancelledAt: r.cancelledAt ?? new Date().toISOString() };
  }

  async getMessages(ref: SessionRef, page: { limit?: number; offset?: number }, o?: CallOptions): Promise<MessagePage> {
    const limit = page.limit ?? 50;
    const offset = page.offset ?? 0;
    const args = { projectId: ref.projectId, ...(this.paginates ? { limit, offset } : {}) };
    const r = parseAnswer('bilt_get_messages', LiveMessagesIn, await this.mcp.call('bilt_get_messages', args, o));
    // a server without paging returns the whole history: page it here
    const all = this.paginates ? r.messages : r.messages.slice(offset, offset + limit);
    const total = r.total ?? (this.paginates ? offset + r.messages.length : r.messages.length);
    const hasMore = r.hasMore ?? offset + all.length < total;
    return { messages: all.map((m, i) => messageFromLive(m, ref.sessionId, total - offset - i)), total, hasMore };
  }

  close() {
    return this.mcp.close();
  }

  private async workflowIds(projectId: string, signal?: AbortSignal): Promise<Set<string>> {
    return new Set((await this.getSession({ projectId }, { signal })).workflows.map((w) => w.id));
  }

  /**
   * Runs a blocking send. With `started`, returns as soon as get_session shows the effect (polling
   * with backoff inside the request budget) and lets the call finish in the background.
   */
  private async blockingCall(
    ref: SessionRef,
    args: Record<string, unknown>,
    o: SendOptions,
    started?: (v: SessionView) => Workflow | undefined,
  ) {
    const onprogress = o.onProgress
      ? (p: { progress: number; total?: number; message?: string }) =>
          o.onProgress!({ percentage: p.total ? (p.progress / p.total) * 100 : p.progress, step: p.message })
      : undefined;
    const call = this.mcp.call('bilt_send_message', args, {
      signal: started ? undefined : o.signal,
      blocking: true,
      onprogress,
    });
    if (!started) {
      return { r: parseAnswer('bilt_send_message', LiveSendIn, await call), seen: undefined };
    }
    const stopPolling = new AbortController();
    const poll = (async () => {
      const end = Date.now() + START_WINDOW_MS;
      for (let delay = 250; Date.now() < end; delay = Math.min(delay * 2, 2000)) {
        await abortableSleep(delay, stopPolling.signal);
        const w = started(await this.getSession({ projectId: ref.projectId }, { signal: stopPolling.signal }));
        if (w) {
          return w;
        }
      }
      throw new BiltError('unavailable', 'The server did not start the workflow in time', {
        message: `nothing new after ${START_WINDOW_MS / 1000} s`,
      });
    })();
    const onAbort = () => stopPolling.abort();
    o.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const first = await Promise.race([call.then((raw) => ({ raw })), poll.then((w) => ({ w }))]);
      if ('w' in first) {
        call.catch((e: unknown) =>
          this.log(`background send ended with: ${e instanceof Error ? e.message : String(e)}`),
        );
        return { r: undefined, seen: first.w };
      }
      return { r: parseAnswer('bilt_send_message', LiveSendIn, first.raw), seen: undefined };
    } finally {
      stopPolling.abort();
      poll.catch(() => undefined);
      o.signal?.removeEventListener('abort', onAbort);
    }
  }
}
