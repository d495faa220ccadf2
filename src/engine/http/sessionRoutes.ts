/** The Session API's session resources: list (with filters), create, read, update, delete. */
import {
  CreateSessionBody,
  DeleteSessionQuery,
  ListSessionsQuery,
  NoQuery,
  PatchSessionBody,
  toApiSession,
  type ApiSession,
} from '../../core/contract/sessionApi';
import type { Session } from '../../core/model';
import type { EngineService } from '../service/engineService';
import { parseBody, parseQuery, type ApiAnswer, type ApiCall } from './apiInput';

export const apiSessionOf = (svc: EngineService, session: Session): ApiSession =>
  toApiSession(session, svc.latestWorkflow(session.id), svc.defaultAgentId);

export async function listSessionsRoute({ url, svc }: ApiCall): Promise<ApiAnswer> {
  const query = parseQuery(ListSessionsQuery, url);
  const sessions = svc.listSessions({ taskId: query.task_id, agentId: query.agent_id, status: query.status });
  return { status: 200, body: { sessions: sessions.map((s) => apiSessionOf(svc, s)) } };
}

export async function createSessionRoute({ req, url, svc }: ApiCall): Promise<ApiAnswer> {
  parseQuery(NoQuery, url);
  const body = await parseBody(CreateSessionBody, req);
  const session = await svc.createSession({
    agentId: body.agent_id,
    taskId: body.task_id,
    prompt: body.prompt,
    data: body.data,
  });
  return {
    status: 201,
    body: apiSessionOf(svc, session),
    headers: { location: `/api/sessions/${session.id}` },
  };
}

export async function getSessionRoute({ url, svc, sessionId }: ApiCall): Promise<ApiAnswer> {
  parseQuery(NoQuery, url);
  return { status: 200, body: apiSessionOf(svc, svc.session(sessionId)) };
}

export async function patchSessionRoute({ req, url, svc, sessionId }: ApiCall): Promise<ApiAnswer> {
  parseQuery(NoQuery, url);
  const body = await parseBody(PatchSessionBody, req);
  const session = await svc.updateSession(sessionId, { status: body.status, data: body.data, prompt: body.prompt });
  return { status: 200, body: apiSessionOf(svc, session) };
}

export async function deleteSessionRoute({ url, svc, sessionId }: ApiCall): Promise<ApiAnswer> {
  const query = parseQuery(DeleteSessionQuery, url);
  await svc.deleteSession(sessionId, query.force === 'true');
  return { status: 200, body: { deleted: sessionId } };
}
