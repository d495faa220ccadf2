/**
 * Fetches only the messages after `lastSeq`, in pages of at most 100, newest first from the server,
 * returned oldest first. A quiet session costs one tiny request (or none when the session already
 * says how many messages it has), never a re-download of the history.
 */
import { LIMITS } from '../../core/limits';
import type { Message } from '../../core/model';
import type { BiltBackend, SessionRef } from '../backend';

export interface CatchUp {
  messages: Message[];
  total: number;
}

export async function fetchNewMessages(backend: BiltBackend, ref: SessionRef, lastSeq: number, knownTotal: number | undefined, signal?: AbortSignal): Promise<CatchUp> {
  if (knownTotal !== undefined && knownTotal <= lastSeq) return { messages: [], total: knownTotal };
  const max = LIMITS.messagesLimitMax;
  const first = await backend.getMessages(ref, { limit: knownTotal === undefined ? 1 : Math.min(max, knownTotal - lastSeq), offset: 0 }, { signal });
  const total = first.total;
  const wanted = total - lastSeq;
  if (wanted <= 0) return { messages: [], total };
  const newestFirst = first.messages.slice(0, wanted);
  while (newestFirst.length < wanted) {
    const page = await backend.getMessages(ref, { limit: Math.min(max, wanted - newestFirst.length), offset: newestFirst.length }, { signal });
    if (page.messages.length === 0) break;
    newestFirst.push(...page.messages);
  }
  return { messages: newestFirst.reverse(), total };
}
