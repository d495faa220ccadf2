/**
 * Reads the local engine's event stream (GET /events) with the SSE parser library, yielding each
 * named event with its id. Ends when the server closes the stream; throws on HTTP errors.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { BiltError } from '../../core/errors';

export async function* readEvents(
  url: string,
  token: string | undefined,
  lastEventId: string | undefined,
  signal: AbortSignal,
): AsyncGenerator<EventSourceMessage> {
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  if (lastEventId) {
    headers['last-event-id'] = lastEventId;
  }
  const res = await fetch(url, { headers, signal });
  if (!res.ok || !res.body) {
    throw new BiltError(
      res.status === 401 ? 'unauthorized' : 'unavailable',
      `Event stream refused (HTTP ${res.status})`,
      { status: res.status },
    );
  }
  const queue: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (e) => queue.push(e) });
  const decoder = new TextDecoder();
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    while (queue.length) {
      yield queue.shift()!;
    }
  }
}
