/**
 * The Session API's operations (seed 003) over the engine's one state: a session made here is an
 * ordinary engine session, and its task is a project. Every state rule is the existing one (send,
 * project creation); this file only decides what the API's words mean. PATCH and DELETE are in
 * sessionUpdates.ts.
 */
import { toApiStatus, type ApiStatus } from '../../core/contract/sessionApi';
import { BiltError, notFound } from '../../core/errors';
import type { Message, Session, Workflow } from '../../core/model';
import type { AgentPool } from '../agents/pool';
import type { ChangeRecord } from '../state/records';
import { iso, type ServiceContext } from './context';
import { projectRecord } from './projects';
import type { Runner } from './runner';
import { checkData, mergeData, type SessionData } from './sessionData';
import { getSessionById } from './sessions';
import { commitAndStart, sendMessage, startRecords } from './workflows';

export interface SessionFilter {
  taskId?: string | undefined;
  agentId?: string | undefined;
  status?: ApiStatus | undefined;
}

/** Every session (newest first) that matches all the filters given; a task matches its project's name in any case. */
export function listSessions(ctx: ServiceContext, agents: AgentPool, filter: SessionFilter): Session[] {
  const task = filter.taskId?.toLowerCase();
  const agent = filter.agentId === undefined ? undefined : (agents.canonicalId(filter.agentId) ?? filter.agentId);
  return ctx.state
    .listSessions()
    .filter(
      (s) =>
        (task === undefined || s.taskId?.toLowerCase() === task) &&
        (agent === undefined || (s.agentId ?? agents.defaultId) === agent) &&
        (filter.status === undefined || toApiStatus(s.status) === filter.status),
    );
}

const invalidAgent = (message: string, details: Record<string, unknown> = {}) =>
  new BiltError('invalid_input', 'Invalid request body', { field: 'agent_id', message, ...details });

/** The API-style id of the agent a session names, once it is known to exist and to be buildable. */
export function checkAgent(agents: AgentPool, agentId: string): string {
  const canonical = agents.canonicalId(agentId);
  if (!canonical) {
    const known = agents.knownIds;
    throw invalidAgent(`Unknown agent ${JSON.stringify(agentId)}; known agents: ${known.join(', ')}`, { known });
  }
  try {
    agents.forId(canonical);
  } catch (e) {
    throw invalidAgent(`The ${canonical} agent cannot run here: ${e instanceof Error ? e.message : String(e)}`);
  }
  return canonical;
}

export interface CreateSessionInput {
  agentId: string;
  taskId?: string | undefined;
  prompt?: string | undefined;
  data?: SessionData | undefined;
}

/**
 * A new session in the task's project (found by name in any case, or created), or in a new project
 * named `session-<8 hex>`; with a prompt, its first workflow starts. Everything is checked before the
 * one commit, so a refused request stores nothing.
 */
export async function createSession(ctx: ServiceContext, runner: Runner, input: CreateSessionInput): Promise<Session> {
  const agentId = checkAgent(runner.agents, input.agentId);
  const data = input.data === undefined ? undefined : mergeData({}, input.data);
  if (data) {
    await checkData(data);
  }
  // from here on synchronous until the commit: what is committed is what was checked
  let sessionId = ctx.newId();
  const autoName = () => `session-${sessionId.slice(0, 8)}`;
  for (let tries = 0; input.taskId === undefined && tries < 5 && ctx.state.projectByName(autoName()); tries++) {
    sessionId = ctx.newId();
  }
  const records: ChangeRecord[] = [];
  let project = input.taskId === undefined ? undefined : ctx.state.projectByName(input.taskId);
  if (!project) {
    const made = projectRecord(ctx, { name: input.taskId ?? autoName() });
    project = made.project;
    records.push(made.record);
  }
  const createdAt = iso(ctx.clock);
  records.push({
    type: 'session.created',
    session: {
      id: sessionId,
      projectId: project.id,
      createdAt,
      agentId,
      taskId: project.name,
      ...(input.prompt !== undefined ? { prompt: input.prompt } : {}),
      ...(data !== undefined ? { data } : {}),
    },
  });
  const started =
    input.prompt === undefined ? undefined : startRecords(ctx, { id: sessionId, projectId: project.id }, input.prompt);
  if (started) {
    await commitAndStart(ctx, runner, started.workflow, [...records, ...started.records]);
  } else {
    await ctx.committer.commit(records);
  }
  return getSessionById(ctx, sessionId);
}

/** A message sent as bilt_send_message sends it (same rules and refusals), with the message that started the workflow. */
export async function sendSessionMessage(
  ctx: ServiceContext,
  runner: Runner,
  sessionId: string,
  content: string,
): Promise<{ workflow: Workflow; message: Message }> {
  const workflow = await sendMessage(ctx, runner, sessionId, content);
  const message = ctx.state.firstUserMessage(sessionId, workflow.id);
  if (!message) {
    throw notFound('Session', { session_id: sessionId }); // deleted (with force) while the message was being sent
  }
  return { workflow, message };
}
