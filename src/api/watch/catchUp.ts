/**
 * Fetches only the messages after `lastSeq`, in pages of at most 100, newest first from the server,
 * returned oldest first. A quiet session costs one tiny request (or none when the session already
 * says how many messages it has), never a re-download of the history. Pages reach back by seq (seq n
 * is the (total − n)th newest, with each page's own total), so messages arriving meanwhile are
 * neither repeated nor skipped.
 */
import { LIMITS } from '../../core/limits';
import type { Message } from '../../core/model';
import type { BiltBackend, SessionRef } from '../backend';

export interface CatchUp {
  messages: Message[];
  total: number;
}

export async function fetchNewMessages(
  backend: BiltBackend,
  ref: SessionRef,
  lastSeq: number,
  knownTotal: number | undefined,
  signal?: AbortSignal,
): Promise<CatchUp> {
  if (knownTotal !== undefined && knownTotal <= lastSeq) {
    return { messages: [], total: knownTotal };
  }
  const max = LIMITS.messagesLimitMax;
  let page = await backend.getMessages(
    ref,
    { limit: knownTotal === undefined ? 1 : Math.min(max, knownTotal - lastSeq), offset: 0 },
    { signal },
  );
  const total = page.total;
  const newestFirst = page.messages.filter((m) => m.seq > lastSeq);
  // `stalls`: pages that brought nothing older (more arrived than a page holds); a few, then give up
  for (let oldest = newestFirst.at(-1)?.seq ?? total + 1, stalls = 0; oldest > lastSeq + 1 && stalls < 3;) {
    page = await backend.getMessages(
      ref,
      { limit: Math.min(max, oldest - 1 - lastSeq), offset: Math.max(0, page.total - (oldest - 1)) },
      { signal },
    );
    if (page.messages.length === 0) {
      break;
    }
    const older = page.messages.filter((m) => m.seq < oldest && m.seq > lastSeq);
    stalls = older.length ? 0 : stalls + 1;
    newestFirst.push(...older);
    oldest = newestFirst.at(-1)?.seq ?? oldest;
  }
  return { messages: newestFirst.reverse(), total };
}
