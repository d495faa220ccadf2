/**
 * Raw HTTP against the engine with node:http, so tests can set any Host header (fetch cannot), and a
 * small server-sent-events reader on fetch for GET /events.
 */
import http from 'node:http';
import type { Ready } from './engine';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json<T = { error: string; details: Record<string, unknown> }>(): T;
}

export interface RawRequest {
  method?: string;
  /** Header values; `host` overrides the Host header. */
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export function request(ready: Ready, path: string, r: RawRequest = {}): Promise<RawResponse> {
  const { port } = new URL(ready.url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: r.method ?? 'GET', headers: r.headers ?? {}, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to ${r.method ?? 'GET'} ${path} within 10 s`)));
    req.end(r.body);
  });
}

export const bearer = (ready: Ready) => ({ authorization: `Bearer ${ready.token}` });

/** Headers of a well-formed MCP POST (JSON-RPC body, both content types accepted). */
export const mcpHeaders = (ready: Ready) => ({
  ...bearer(ready),
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
});

export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/** An open GET /events stream; `events` grows as frames arrive. */
export class SseStream {
  readonly events: SseEvent[] = [];
  private readonly listeners = new Set<() => void>();
  private constructor(
    readonly status: number,
    private readonly controller: AbortController,
  ) {}

  /** Opens the stream; resolves once the engine's `ready` event has arrived (the subscription is live). */
  static async open(ready: Ready, query = '', headers: Record<string, string> = {}): Promise<SseStream> {
    const controller = new AbortController();
    const res = await fetch(`${ready.eventsUrl}${query}`, {
      headers: { ...bearer(ready), accept: 'text/event-stream', ...headers },
      signal: controller.signal,
    });
    if (res.status !== 200 || !res.body) {
      controller.abort();
      throw new Error(`GET /events${query} answered ${res.status}: ${await res.text().catch(() => '')}`);
    }
    const s = new SseStream(res.status, controller);
    void s.pump(res.body);
    await s.next((e) => e.event === 'ready', 'the ready event');
    return s;
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buf = '';
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        buf += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buf.indexOf('\n\n')) >= 0) {
          const frame = buf.slice(0, end);
          buf = buf.slice(end + 2);
          const e: SseEvent = { id: undefined, event: 'message', data: '' };
          let hasData = false;
          for (const line of frame.split('\n')) {
            const i = line.indexOf(':');
            if (i === 0) {
              continue;
            } // comment (heartbeat)
            const [k, v] = i < 0 ? [line, ''] : [line.slice(0, i), line.slice(i + 1).replace(/^ /, '')];
            if (k === 'id') {
              e.id = v;
            } else if (k === 'event') {
              e.event = v;
            } else if (k === 'data') {
              e.data += (hasData ? '\n' : '') + v;
              hasData = true;
            }
          }
          if (!hasData) {
            continue;
          } // e.g. a lone `retry:` line
          this.events.push(e);
          for (const l of [...this.listeners]) {
            l();
          }
        }
      }
    } catch {
      // aborted by close()
    }
  }

  /** The first event (already received or still to come) that matches, bounded in time. */
  next(match: (e: SseEvent) => boolean, what: string, timeoutMs = 10_000): Promise<SseEvent> {
    const found = this.events.find(match);
    if (found) {
      return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const check = () => {
        const e = this.events.find(match);
        if (!e) {
          return;
        }
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve(e);
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}; got ${this.events.map((x) => `${x.id}:${x.event}`).join(' ')}`,
          ),
        );
      }, timeoutMs);
      this.listeners.add(check);
    });
  }

  /** Events with an id (everything but `ready`/`reset`), data parsed. */
  frames<T = Record<string, unknown>>(): Array<{ id: number; event: string; data: T }> {
    return this.events
      .filter((e) => e.id !== undefined)
      .map((e) => ({ id: Number(e.id), event: e.event, data: JSON.parse(e.data) as T }));
  }

  close(): void {
    this.controller.abort();
  }
}
