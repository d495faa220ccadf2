/**
 * A session as the state keeps it (its recent workflows' ids, its message history: archived runs plus
 * what came after the snapshot), and the pure derivations EngineState answers with: the domain Session,
 * message pages read through the history, the message that started a workflow, a project's newest session.
 */
import { Message, Workflow, type Session } from '../../core/model';
import { historyLength, readRange, type History, type RecordArchive } from './history';
import type { ArchiveRun } from '../store/types';

export interface SessionRow {
  id: string;
  projectId: string;
  createdAt: string;
  updatedAt: string;
  /** The workflows kept in memory, oldest first: the latest, and those created since the last snapshot. */
  workflowIds: string[];
  /** The older workflows, which a compaction moved to the archive (read for a session's workflow list). */
  archivedWorkflows: { runs: ArchiveRun[]; count: number };
  messages: History<Message>;
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
    messageCount: historyLength(row.messages),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    taskId: row.taskId ?? projectName ?? null,
    ...(row.agentId !== undefined ? { agentId: row.agentId } : {}),
    ...(row.prompt !== undefined ? { prompt: row.prompt } : {}),
    ...(row.data !== undefined ? { data: row.data } : {}),
  };
}

/** An archived message, checked (the disk is a boundary). */
const parseMessage = (raw: unknown): Message => Message.parse(raw);

function range(h: History<Message>, start: number, end: number, archive: RecordArchive): Message[] {
  return readRange(h, start, end, archive, parseMessage);
}

/** Newest first, like the MCP contracts: offset 0 is the newest message. */
export function newestFirst(h: History<Message>, archive: RecordArchive, limit: number, offset: number): MessageSlice {
  const total = historyLength(h);
  const end = Math.max(0, total - offset);
  const start = Math.max(0, end - limit);
  return { messages: range(h, start, end, archive).reverse(), total, hasMore: start > 0 };
}

/** Oldest first, like the Session API: the messages whose seq is above `after`, at most `limit`. */
export function oldestFirstAfter(
  h: History<Message>,
  archive: RecordArchive,
  after: number,
  limit: number,
): MessageSlice {
  const total = historyLength(h);
  const start = Math.min(after, total);
  const messages = range(h, start, Math.min(total, start + limit), archive);
  return { messages, total, hasMore: start + messages.length < total };
}

const parseWorkflow = (raw: unknown): Workflow => Workflow.parse(raw);

/** A session's latest `max` workflows, latest first: those in memory, then archived ones read from disk. */
export function latestWorkflows(
  row: SessionRow,
  inMemory: ReadonlyMap<string, Workflow>,
  archive: RecordArchive,
  max: number,
): Workflow[] {
  const out: Workflow[] = [];
  for (let i = row.workflowIds.length - 1; i >= 0 && out.length < max; i--) {
    out.push(inMemory.get(row.workflowIds[i]!)!);
  }
  const { runs, count } = row.archivedWorkflows;
  const need = Math.min(max - out.length, count);
  if (need > 0) {
    const archived = readRange({ runs, archived: count, recent: [] }, count - need, count, archive, parseWorkflow);
    out.push(...archived.reverse());
  }
  return out;
}

/** How many messages firstUserMessage reads at a time, going back from the newest. */
const SCAN_PAGE = 32;

/** The message that started a workflow: its first user-side message (read back from the newest). */
export function firstUserMessage(h: History<Message>, archive: RecordArchive, workflowId: string): Message | undefined {
  let first: Message | undefined;
  for (let end = historyLength(h); end > 0; end -= SCAN_PAGE) {
    const page = range(h, Math.max(0, end - SCAN_PAGE), end, archive);
    for (let i = page.length - 1; i >= 0; i--) {
      const message = page[i]!;
      if (message.workflowId === workflowId) {
        first = message.side === 'user' ? message : first;
      } else if (first) {
        return first; // a session's workflows do not overlap: older messages belong to older workflows
      }
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
