/**
 * The local engine's server-wide event stream (GET /events without session_id): every project,
 * session, workflow and message change, parsed into core types. `ready` says the stream is current
 * (its lastEventId is where it starts); `reset` says events after the Last-Event-ID given are gone and
 * the state must be re-read. Ids are log seqs: pass the last one seen to resume exactly there.
 */
import { z } from 'zod';
import { Message, Project, Session, Workflow } from '../../core/model';
import type { BiltClient } from '../client';
import { readEvents } from './sse';

export type ServerEvent =
  | { type: 'ready'; lastEventId: number | undefined }
  | { type: 'reset' }
  | { type: 'project'; id: string | undefined; project: Project }
  | { type: 'session'; id: string | undefined; session: Session }
  | { type: 'workflow'; id: string | undefined; workflow: Workflow; session: Session }
  | { type: 'message'; id: string | undefined; message: Message }
  /** A session was deleted (Session API); `current` is its project's current session now, if any. */
  | { type: 'sessionDeleted'; id: string | undefined; sessionId: string; projectId: string; current: Session | null };

const Ready = z.object({ lastEventId: z.number().optional() });
const ProjectEvent = z.object({ project: Project });
const SessionEvent = z.object({ session: Session });
const WorkflowEvent = z.object({ workflow: Workflow, session: Session });
const MessageEvent = z.object({ message: Message });
const SessionDeletedEvent = z.object({
  sessionId: z.string(),
  projectId: z.string(),
  currentSession: Session.nullable(),
});

/** One SSE message as a ServerEvent; undefined for events this reader does not know (skipped). */
export function parseServerEvent(
  event: string | undefined,
  data: string,
  id: string | undefined,
): ServerEvent | undefined {
  const json: unknown = data ? JSON.parse(data) : {};
  switch (event) {
    case 'ready':
      return { type: 'ready', lastEventId: Ready.parse(json).lastEventId };
    case 'reset':
      return { type: 'reset' };
    case 'project':
      return { type: 'project', id, ...ProjectEvent.parse(json) };
    case 'session':
      return { type: 'session', id, ...SessionEvent.parse(json) };
    case 'workflow':
      return { type: 'workflow', id, ...WorkflowEvent.parse(json) };
    case 'message':
      return { type: 'message', id, ...MessageEvent.parse(json) };
    case 'session.deleted': {
      const d = SessionDeletedEvent.parse(json);
      return { type: 'sessionDeleted', id, sessionId: d.sessionId, projectId: d.projectId, current: d.currentSession };
    }
    default:
      return undefined;
  }
}

export async function* readServerEvents(
  url: string,
  token: string | undefined,
  lastEventId: string | undefined,
  signal: AbortSignal,
  log?: (line: string) => void,
): AsyncGenerator<ServerEvent> {
  for await (const e of readEvents(url, token, lastEventId, signal)) {
    let parsed: ServerEvent | undefined;
    try {
      parsed = parseServerEvent(e.event, e.data, e.id);
    } catch (err) {
      // one malformed event must not end the stream; its change shows on the next full read
      log?.(
        `event ${e.event ?? '?'} ${e.id ?? ''} skipped: ${err instanceof Error ? err.message.slice(0, 200) : String(err)}`,
      );
      continue;
    }
    if (parsed) {
      yield parsed;
    }
  }
}

/**
 * The events endpoint and token of a connected client. BiltClient keeps its token private (it only
 * hands it to watchSession); until it offers a server-wide stream itself, read it here, in one place.
 */
export function eventsOf(client: BiltClient): { url: string; token: string | undefined } | undefined {
  if (!client.eventsUrl) {
    return undefined;
  }
  const token = (client as unknown as { token?: unknown }).token;
  return { url: client.eventsUrl, token: typeof token === 'string' ? token : undefined };
}

/** The default opener of the store: the client's /events, all sessions. */
export function openServerEvents(
  client: BiltClient,
  lastEventId: string | undefined,
  signal: AbortSignal,
  log?: (line: string) => void,
): AsyncIterable<ServerEvent> {
  const ev = eventsOf(client);
  if (!ev) {
    throw new Error('this server has no event stream');
  }
  return readServerEvents(ev.url, ev.token, lastEventId, signal, log);
}
