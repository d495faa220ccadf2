/**
 * A Session API gateway's message history as the interface pages it: newest first, `offset` back from
 * the newest, seq 1 = the oldest (src/api/watch/catchUp.ts relies on it). Two kinds of server:
 * - the local engine pages by cursor (`?after=<seq>&limit=`, answering `{messages, next_cursor,
 *   has_more, total}`): the page is asked for by the seqs it must hold, from the total last seen, and
 *   asked again (at most twice more) when the answer's total shows more arrived meanwhile;
 * - a gateway that answers the whole history at once (an array, or `{messages}` without cursor
 *   fields): it is numbered by position (oldest first, or by its own seq) and paged here.
 */
import type { z } from 'zod';
import { LIMITS } from '../../core/limits';
import type { Message, MessagePage } from '../../core/model';
import { EPOCH, type GatewayMessage, type GatewayMessagesIn } from './sessionApiWire';

export type MessagesAnswer = z.infer<typeof GatewayMessagesIn>;
export type ReadAfter = (query: { after: number; limit: number }) => Promise<MessagesAnswer>;

/** The seqs a page holds: after `after`, `count` of them. */
interface SeqWindow {
  after: number;
  count: number;
}

function windowOf(total: number, offset: number, limit: number): SeqWindow {
  const newest = Math.max(0, total - offset);
  const after = Math.max(0, newest - limit);
  return { after, count: newest - after };
}

const isCursorPage = (a: MessagesAnswer): a is MessagesAnswer & { total: number } =>
  a.total !== undefined && (a.next_cursor !== undefined || a.has_more !== undefined);

/**
 * One page. `knownTotal`: how many messages the session had when last seen (a guess; the answer's
 * total decides). Returns the page; its `total` is the one to remember.
 */
export async function readMessagePage(
  read: ReadAfter,
  sessionId: string,
  page: { limit?: number | undefined; offset?: number | undefined },
  knownTotal: number | undefined,
): Promise<MessagePage> {
  const limit = Math.min(LIMITS.messagesLimitMax, Math.max(1, page.limit ?? LIMITS.messagesLimitDefault));
  const offset = Math.max(0, page.offset ?? 0);
  // nothing known: the oldest `limit` messages are the page whenever the history is that short
  let guess = knownTotal ?? offset + limit;
  for (let attempt = 0; ; attempt++) {
    const asked = windowOf(guess, offset, limit);
    const askedCount = Math.max(1, asked.count);
    const answer = await read({ after: asked.after, limit: askedCount });
    if (!isCursorPage(answer)) {
      return wholeHistoryPage(answer.messages, sessionId, offset, limit);
    }
    const wanted = windowOf(answer.total, offset, limit);
    const covered =
      wanted.count === 0 || (wanted.after >= asked.after && wanted.after + wanted.count <= asked.after + askedCount);
    if (covered || attempt >= 2) {
      const messages = answer.messages
        .map((m, index) => messageFromGateway(m, sessionId, m.seq ?? asked.after + index + 1))
        .filter((m) => m.seq > wanted.after && m.seq <= wanted.after + wanted.count)
        .sort((a, b) => b.seq - a.seq);
      return { messages, total: answer.total, hasMore: wanted.after > 0 };
    }
    guess = answer.total;
  }
}

/** The whole history, numbered 1 = oldest (by the server's seq where every message has one, else in the order given). */
function wholeHistoryPage(list: GatewayMessage[], sessionId: string, offset: number, limit: number): MessagePage {
  const ordered = list.every((m) => m.seq !== undefined) ? [...list].sort((a, b) => a.seq! - b.seq!) : list;
  const all = ordered.map((m, index) => messageFromGateway(m, sessionId, index + 1));
  const wanted = windowOf(all.length, offset, limit);
  return {
    messages: all.slice(wanted.after, wanted.after + wanted.count).reverse(),
    total: all.length,
    hasMore: wanted.after > 0,
  };
}

/** `seq`: the message's own, else its position (1 = oldest). */
export function messageFromGateway(m: GatewayMessage, sessionId: string, seq: number): Message {
  const text = typeof m.content === 'string' ? m.content : m.content?.map((block) => block.text ?? '').join('');
  const side = m.side === 'user' || m.side === 'ai' ? m.side : m.role === 'user' ? 'user' : 'ai';
  return {
    id: m.id !== undefined ? String(m.id) : `${sessionId}#${seq}`,
    sessionId,
    workflowId: m.workflow_id ?? null,
    seq,
    side,
    variant: m.variant,
    text: text || m.message || m.text || '',
    createdAt: m.timestamp ?? m.created_at ?? EPOCH,
  };
}
