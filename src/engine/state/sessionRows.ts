/**
 * A session as the state keeps it (its workflows' ids and its messages in order), and the pure
 * derivations EngineState answers with: the domain Session, message pages, the message that started a
 * workflow, a project's newest session.
 */
import type { Message, Session, Workflow } from '../../core/model';

export interface SessionRow {
  id: string;
  projectId: string;
  createdAt: string;
  updatedAt: string;
  workflowIds: string[];
  messages: Message[];
  /** Session API attributes, when the session was made or changed through it. */
  agentId?: string | undefined;
  taskId?: string | undefined;
  prompt?: string | undefined;
  data?: Record<string, unknown> | undefined;
}

export interface MessageSlice {
  messages: Message[];
  total: number;
  hasMore: boolean;
}

/** A session's status is its latest workflow's; its task is its project's name. */
export function sessionOf(row: SessionRow, latest: Workflow | undefined, projectName: string | undefined): Session {
  const active = latest && (latest.status === 'running' || latest.status === 'paused' || latest.status === 'pending');
  return {
    id: row.id,
    projectId: row.projectId,
    status: latest ? latest.status : 'idle',
    progress: active ? latest.progress : latest?.status === 'completed' ? latest.progress : null,
    workflowId: latest?.id ?? null,
    messageCount: row.messages.length,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    taskId: row.taskId ?? projectName ?? null,
    ...(row.agentId !== undefined ? { agentId: row.agentId } : {}),
    ...(row.prompt !== undefined ? { prompt: row.prompt } : {}),
    ...(row.data !== undefined ? { data: row.data } : {}),
  };
}

/** Newest first, like the MCP contracts: offset 0 is the newest message. */
export function newestFirst(all: Message[], limit: number, offset: number): MessageSlice {
  const total = all.length;
  const end = Math.max(0, total - offset);
  const start = Math.max(0, end - limit);
  return { messages: all.slice(start, end).reverse(), total, hasMore: start > 0 };
}

/** Oldest first, like the Session API: the messages whose seq is above `after`, at most `limit`. */
export function oldestFirstAfter(all: Message[], after: number, limit: number): MessageSlice {
  const start = Math.min(after, all.length);
  const messages = all.slice(start, start + limit);
  return { messages, total: all.length, hasMore: start + messages.length < all.length };
}

/** The message that started a workflow: its first user-side message. */
export function firstUserMessage(all: Message[], workflowId: string): Message | undefined {
  let first: Message | undefined;
  for (let i = all.length - 1; i >= 0; i--) {
    const message = all[i]!;
    if (message.workflowId === workflowId) {
      first = message.side === 'user' ? message : first;
    } else if (first) {
      break; // a session's workflows do not overlap: older messages belong to older workflows
    }
  }
  return first;
}

/** The most recently created of a project's sessions (the later one of equal times). */
export function newestSessionOf(rows: Iterable<SessionRow>, projectId: string): SessionRow | undefined {
  let newest: SessionRow | undefined;
  for (const row of rows) {
    if (row.projectId === projectId && (!newest || row.createdAt >= newest.createdAt)) {
      newest = row;
    }
  }
  return newest;
}
