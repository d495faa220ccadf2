/**
 * How the fuzzer sends an input and judges the answer. An answer is a problem when it does not come
 * within the bound (hang), the connection breaks (crash), it is a 5xx, an internal error (JSON-RPC
 * -32603, a tool's "Internal error", the API's `internal`), or an error that echoes the input back at
 * length (over 32 KiB, not counting the JSON-RPC id a response must repeat).
 */
import http from 'node:http';
import type { Discovery } from '../../src/api/local/discovery';
import type { FuzzRequest } from './fuzzRequests';

export type Verdict = 'ok' | 'hang' | 'crash' | '5xx' | 'internal' | 'echo';

export interface Answer {
  verdict: Verdict;
  status: number;
  ms: number;
  detail: string;
}

export function send(d: Discovery, r: FuzzRequest, boundMs: number): Promise<Answer> {
  const started = Date.now();
  const { port } = new URL(d.url);
  const headers: Record<string, string> = {
    authorization: `Bearer ${d.token}`,
    'content-type': 'application/json',
    accept: 'application/json, text/event-stream',
    ...(r.body !== undefined ? { 'content-length': String(Buffer.byteLength(r.body)) } : {}),
  };
  return new Promise((resolve) => {
    const done = (a: Omit<Answer, 'ms'>) => resolve({ ...a, ms: Date.now() - started });
    const req = http.request(
      { host: '127.0.0.1', port, path: r.path, method: r.method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => done({ verdict: 'crash', status: 0, detail: e.message }));
        res.on('end', () => done(judge(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', (e) => done({ verdict: 'crash', status: 0, detail: e.message }));
    req.setTimeout(boundMs, () => {
      req.destroy();
      done({ verdict: 'hang', status: 0, detail: `no answer within ${boundMs} ms` });
    });
    req.end(r.body);
  });
}

/** The answer's size without the JSON-RPC id, which a response must repeat whatever its length. */
function sizeWithoutId(data: string): number {
  try {
    const parsed = JSON.parse(data) as { id?: unknown } | unknown[];
    if (!Array.isArray(parsed) && parsed !== null && typeof parsed === 'object') {
      return JSON.stringify({ ...parsed, id: null }).length;
    }
  } catch {
    // not JSON: its length as it is
  }
  return data.length;
}

function judge(status: number, text: string): Omit<Answer, 'ms'> {
  const detail = text.slice(0, 300);
  if (status >= 500) {
    return { verdict: '5xx', status, detail };
  }
  const data = text.startsWith('event:')
    ? (text
        .split('\n')
        .find((l) => l.startsWith('data: '))
        ?.slice(6) ?? '')
    : text;
  const failed = status >= 400 || /"isError":true|"error":\{"code"/.test(data);
  if (/"code":-32603|\\"Internal error\\"|"code":"internal"/.test(data)) {
    return { verdict: 'internal', status, detail };
  }
  const size = sizeWithoutId(data);
  if (failed && size > 32 * 1024) {
    return { verdict: 'echo', status, detail: `an error answer of ${size} bytes: ${detail}` };
  }
  return { verdict: 'ok', status, detail };
}
