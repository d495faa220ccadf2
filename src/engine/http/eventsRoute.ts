/**
 * GET /events: server-sent events of committed changes (project, session, workflow, message), all or
 * one session's (?session_id=). Reconnect with Last-Event-ID to get exactly what was missed; an
 * `event: reset` means the gap is too old and the client should re-read state.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { EngineEvent, EventBus } from '../events/eventBus';
import { sendError } from './respond';

const HEARTBEAT_MS = 15_000;
const SessionParam = z.uuid();

function frame(e: EngineEvent): string {
  const { id, type, ...data } = e;
  return `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function handleEvents(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  bus: EventBus,
  sessionExists: (id: string) => boolean,
): void {
  if (req.method !== 'GET') {
    return sendError(res, 405, 'Method not allowed', { message: 'Use GET' }, { allow: 'GET' });
  }
  const sessionId = url.searchParams.get('session_id') ?? undefined;
  if (sessionId !== undefined) {
    if (!SessionParam.safeParse(sessionId).success) {
      return sendError(res, 400, 'Invalid request', { field: 'session_id', message: 'session_id must be a UUID' });
    }
    if (!sessionExists(sessionId)) {
      return sendError(res, 404, 'Session not found', { session_id: sessionId });
    }
  }
  const lastRaw = req.headers['last-event-id'] ?? url.searchParams.get('last_event_id') ?? undefined;
  const afterId = lastRaw !== undefined && /^\d+$/.test(String(lastRaw)) ? Number(lastRaw) : undefined;

  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const sub = bus.subscribe({ sessionId, afterId, counted: true }, (e) => res.write(frame(e)));
  // `ready` tells the client the id it is now current with (no id line: it must not move Last-Event-ID)
  res.write(
    `retry: 2000\nevent: ready\ndata: ${JSON.stringify({ lastEventId: bus.currentId, sessionId: sessionId ?? null })}\n\n`,
  );
  if (sub.replay === 'reset') {
    res.write(
      `event: reset\ndata: ${JSON.stringify({ reason: 'events after Last-Event-ID are no longer buffered; re-read state' })}\n\n`,
    );
  } else {
    for (const e of sub.replay) {
      res.write(frame(e));
    }
  }
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const stop = () => {
    clearInterval(heartbeat);
    sub.unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
}
