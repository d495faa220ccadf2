/**
 * Engine-only routes beside the two MCP contracts: what this engine is, and the user actions no MCP
 * contract has a tool for (pause a running workflow; "I have acted at the project page" for a
 * secrets/supabase pause, which the live service detects by itself).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { isBiltError } from '../../core/errors';
import type { EngineService } from '../service/engineService';
import { sendBiltError, sendError, sendJson } from './respond';

export interface EngineInfo {
  name: 'bilt-engine';
  version: string;
  pid: number;
  agent: string;
  dataDir: string;
  startedAt: string;
  endpoints: { seed: string; live: string; events: string; sessions: string; openApi: string };
  /** What is in progress now: waits for a workflow, open event streams, MCP calls being answered. */
  activity?: { waiters: number; eventStreams: number; mcpCalls: number };
}

const Uuid = z.uuid();

export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  svc: EngineService,
  info: EngineInfo,
): Promise<boolean> {
  if (path === '/engine/info') {
    if (req.method !== 'GET') {
      sendError(res, 405, 'Method not allowed', { message: 'Use GET' }, { allow: 'GET' });
    } else {
      sendJson(res, 200, info);
    }
    return true;
  }
  const m = /^\/engine\/sessions\/([^/]+)\/(pause|resume)$/.exec(path);
  if (!m) {
    return false;
  }
  if (req.method !== 'POST') {
    sendError(res, 405, 'Method not allowed', { message: 'Use POST' }, { allow: 'POST' });
    return true;
  }
  const [, sessionId, action] = m;
  if (!Uuid.safeParse(sessionId).success) {
    sendError(res, 400, 'Invalid request', { field: 'session_id', message: 'session_id must be a UUID' });
    return true;
  }
  try {
    const w = action === 'pause' ? await svc.suspend(sessionId!) : await svc.resume(sessionId!);
    sendJson(res, 200, { session_id: sessionId, workflow_id: w.id, status: w.status });
  } catch (e) {
    if (isBiltError(e)) {
      sendBiltError(res, e);
    } else {
      throw e;
    }
  }
  return true;
}
