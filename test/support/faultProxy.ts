/**
 * A fault-injecting HTTP proxy on loopback (node:http), in front of an engine: it forwards every
 * request (streaming answers such as SSE pass through) and, when told, answers 429 with Retry-After,
 * answers 500, drops the connection (before forwarding, or after the engine has done the work), delays
 * every request, goes down (connections refused) and comes back on the same or another port. It counts
 * what reached it and what it forwarded, per tool call, so a test can tell whether a send was repeated.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'drop' }
  /** Forward it, let the engine answer, then cut the connection: the work was done, the answer lost. */
  | { kind: 'dropAfterForward' }
  /** Forward it and start the answer (status and headers), then cut the connection mid-stream. */
  | { kind: 'cutStream' };

export class FaultProxy {
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly faults: Fault[] = [];
  /** Added to every request before it is forwarded. */
  delayMs = 0;
  port = 0;
  /** Tool calls (by name) the engine received through the proxy. */
  readonly forwardedCalls = new Map<string, number>();
  requests = 0;

  constructor(private target: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Listens (again) on `port` (0: any free one; default: the port it had). */
  async up(port = this.port): Promise<this> {
    const server = http.createServer((req, res) => void this.handle(req, res));
    server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  /** Stops listening and cuts every open connection: clients now get ECONNREFUSED. */
  async down(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) {
      s.destroy();
    }
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  retarget(target: string): void {
    this.target = target;
  }

  /** The next `count` requests meet this fault. */
  inject(fault: Fault, count = 1): void {
    for (let i = 0; i < count; i++) {
      this.faults.push(fault);
    }
  }

  calls(tool: string): number {
    return this.forwardedCalls.get(tool) ?? 0;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    this.requests++;
    const chunks: Buffer[] = [];
    for await (const c of req) {
      chunks.push(c as Buffer);
    }
    const body = Buffer.concat(chunks);
    if (this.delayMs > 0) {
      await new Promise((r) => setTimeout(r, this.delayMs));
    }
    const fault = this.faults.shift();
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      const retry = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
      res.writeHead(fault.status, { 'content-type': 'application/json', ...retry });
      res.end(JSON.stringify({ error: `injected HTTP ${fault.status}`, details: {} }));
      return;
    }
    this.count(body);
    const target = new URL(this.target);
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: req.url,
        method: req.method,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        if (fault?.kind === 'dropAfterForward') {
          answer.resume();
          answer.on('end', () => req.socket.destroy());
          return;
        }
        if (fault?.kind === 'cutStream') {
          answer.resume();
          res.writeHead(answer.statusCode ?? 200, answer.headers);
          res.flushHeaders();
          answer.on('end', () => setImmediate(() => req.socket.destroy()));
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    res.on('close', () => upstream.destroy());
    upstream.end(body);
  }

  private count(body: Buffer): void {
    try {
      const m = JSON.parse(body.toString('utf8')) as { method?: string; params?: { name?: string } };
      if (m.method === 'tools/call' && m.params?.name) {
        this.forwardedCalls.set(m.params.name, this.calls(m.params.name) + 1);
      }
    } catch {
      // not JSON-RPC
    }
  }
}
