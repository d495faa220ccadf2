/**
 * The client over a Session API gateway (seed 003: REST under /api/sessions). Each gateway session is
 * shown as a project with that one session (grouped by task). Send is POST …/message; resume, pause
 * and cancel set the status with PATCH (active, paused, failed: stopping the work for good); delete is
 * DELETE. There is no way to answer questions or create projects. Message history is read from
 * GET …/messages when the gateway has it (src/api/contracts/sessionApiMessages.ts); a gateway without
 * it (404/405 for a session that exists) reads as an empty history and says so in capabilities.missing.
 */
import { BiltError } from '../../core/errors';
import type { MessagePage, Workflow } from '../../core/model';
import type { BiltBackend, CallOptions, Capabilities, SendResult, SessionRef } from '../backend';
import type { RestConnection } from '../http/restConnection';
import { GatewayCalls } from './sessionApiCalls';
import { readMessagePage } from './sessionApiMessages';
import { projectFromGateway, viewFromGateway } from './sessionApiWire';

/** What capabilities.missing says when the gateway turns out to lack an endpoint. */
export const NO_HISTORY = 'no message history';
export const NO_SENDING = 'cannot take messages';

/** The gateway session meant (its project id is the same id). */
function idOf(ref: { sessionId?: string | undefined; projectId?: string | undefined }): string {
  const id = ref.sessionId || ref.projectId;
  if (!id) {
    throw new BiltError('invalid_input', 'Invalid request', { field: 'session_id', message: 'session_id is required' });
  }
  return id;
}
const EMPTY: MessagePage = { messages: [], total: 0, hasMore: false };

export class SessionApiBackend implements BiltBackend {
  readonly kind = 'session-api' as const;
  readonly capabilities: Capabilities = {
    resume: true,
    answerViaSend: false,
    events: false,
    visibility: false,
    createProject: false,
    answers: false,
    pause: true,
    delete: true,
    missing: ['cannot answer questions'],
  };
  readonly calls: GatewayCalls;
  /** Each session's message count when last read: where its next page is looked for. */
  private readonly totals = new Map<string, number>();

  constructor(readonly rest: RestConnection) {
    this.calls = new GatewayCalls(rest);
  }

  async listProjects(o?: CallOptions) {
    return (await this.calls.list(o)).map(projectFromGateway);
  }
  async getProject(projectId: string, o?: CallOptions) {
    return projectFromGateway(await this.calls.get(projectId, o));
  }
  async createProject(): Promise<never> {
    throw new BiltError('unsupported', 'This server cannot create projects', {
      message: "a Session API gateway's sessions are started by its agents; each one shows here as a project",
    });
  }
  async getSession(q: { projectId?: string | undefined; sessionId?: string | undefined }, o?: CallOptions) {
    const session = await this.calls.get(idOf(q), o);
    if (typeof session.message_count === 'number') {
      this.totals.set(session.id, session.message_count);
    }
    return viewFromGateway(session);
  }

  async sendMessage(ref: SessionRef, message: string, o: CallOptions = {}): Promise<SendResult> {
    const id = idOf(ref);
    const answer = await this.calls.send(id, message, o).catch(async (e: unknown) => {
      throw (await this.lacks(e, id, NO_SENDING, o))
        ? new BiltError('unsupported', 'This server cannot take messages', {
            message: 'it has no POST /api/sessions/:id/message endpoint',
          })
        : e;
    });
    return {
      sessionId: id,
      workflowId: answer.workflow_id ?? id,
      workflow: undefined,
      status: 'running',
      timedOut: false,
    };
  }
  async answer(): Promise<never> {
    throw new BiltError('unsupported', 'This server cannot answer questions', {
      message: 'a Session API gateway has no operation for answers: send your answer as a message instead',
    });
  }
  resume(ref: SessionRef, o?: CallOptions) {
    return this.setStatus(ref, 'active', o);
  }
  pause(ref: SessionRef, o?: CallOptions) {
    return this.setStatus(ref, 'paused', o);
  }
  /** Sets the status to failed, which stops the work for good (the API has no field for a reason). */
  async cancel(ref: SessionRef, _reason?: string, o?: CallOptions) {
    const session = await this.calls.setStatus(idOf(ref), 'failed', o);
    return {
      workflowId: session?.workflow_id ?? idOf(ref),
      cancelledAt: session?.last_active ?? session?.updated_at ?? new Date().toISOString(),
    };
  }
  async deleteSession(ref: SessionRef, o: CallOptions & { force?: boolean } = {}): Promise<void> {
    await this.calls.remove(idOf(ref), o.force ?? false, o);
    this.totals.delete(idOf(ref));
  }

  async getMessages(ref: SessionRef, page: { limit?: number; offset?: number }, o?: CallOptions): Promise<MessagePage> {
    const id = idOf(ref);
    if (this.capabilities.missing.includes(NO_HISTORY)) {
      return EMPTY;
    }
    try {
      const result = await readMessagePage((query) => this.calls.messages(id, query, o), id, page, this.totals.get(id));
      this.totals.set(id, result.total);
      return result;
    } catch (e) {
      if (await this.lacks(e, id, NO_HISTORY, o)) {
        return EMPTY;
      }
      throw e;
    }
  }

  async close(): Promise<void> {}

  private async setStatus(ref: SessionRef, status: 'active' | 'paused', o?: CallOptions): Promise<Workflow['status']> {
    const session = await this.calls.setStatus(idOf(ref), status, o);
    const now = session ? viewFromGateway(session).session.status : 'idle';
    // an answer that is no session (or an unknown status): what was asked for
    return now === 'idle' ? (status === 'active' ? 'running' : 'paused') : now;
  }

  /** Whether `e` says the gateway lacks the endpoint (then noted in capabilities.missing as `lack`). */
  private async lacks(e: unknown, id: string, lack: string, o?: CallOptions): Promise<boolean> {
    const missing = await this.calls.endpointMissing(e, id, o);
    if (missing && !this.capabilities.missing.includes(lack)) {
      this.capabilities.missing.push(lack);
    }
    return missing;
  }
}
