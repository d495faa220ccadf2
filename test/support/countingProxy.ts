/**
 * A small HTTP proxy for tests, as corporate proxies behave: plain HTTP requests in absolute form
 * (`GET http://host:port/path`) are forwarded, and `CONNECT host:port` opens a tunnel (for https, and for
 * http when the client tunnels everything). It listens on 127.0.0.1 and resolves host names itself, from
 * the map it is given (e.g. `bilt-test.invalid` → 127.0.0.1), so a test can address a loopback server by
 * a name only the proxy can reach: a request that arrives proves it went through the proxy. Names not in
 * the map are refused (502), so nothing ever leaves the machine. It counts what went through it.
 */
import http from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';

export interface ProxiedRequest {
  /** `CONNECT` for a tunnel, else the forwarded request's method. */
  method: string;
  /** `host:port` the client asked for. */
  target: string;
  /** The path of a forwarded request (undefined for a tunnel, whose content the proxy does not see). */
  path?: string;
  /** Whether the request carried a Proxy-Authorization header (never its value). */
  proxyAuthorization: boolean;
}

export class CountingProxy {
  readonly requests: ProxiedRequest[] = [];
  private server: http.Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  /** `hosts`: name → the address the proxy connects to (loopback only). */
  constructor(private readonly hosts: Record<string, string>) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const server = http.createServer((req, res) => this.forward(req, res));
    server.on('connect', (req: http.IncomingMessage, client: Socket, head: Buffer) => this.tunnel(req, client, head));
    server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this;
  }

  /** Stops listening and cuts every open connection (tunnels too): clients then get ECONNREFUSED. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) {
      s.destroy();
    }
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  /** How many requests (forwarded or tunnelled) asked for this host name. */
  countFor(hostname: string): number {
    return this.requests.filter((r) => hostOf(r.target) === hostname).length;
  }

  private resolve(target: string): { host: string; port: number } | undefined {
    const host = this.hosts[hostOf(target)];
    const port = Number(/:(\d+)$/.exec(target)?.[1] ?? NaN);
    return host && Number.isInteger(port) ? { host, port } : undefined;
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse): void {
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute-form request expected');
      return;
    }
    const target = `${url.hostname}:${url.port || '80'}`;
    this.requests.push({
      method: req.method ?? 'GET',
      target,
      path: url.pathname,
      proxyAuthorization: req.headers['proxy-authorization'] !== undefined,
    });
    const to = this.resolve(target);
    if (!to || url.protocol !== 'http:') {
      res.writeHead(502).end(`the test proxy does not reach ${target}`);
      return;
    }
    const { 'proxy-authorization': _auth, 'proxy-connection': _conn, ...headers } = req.headers;
    const upstream = http.request(
      { host: to.host, port: to.port, path: `${url.pathname}${url.search}`, method: req.method, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => req.socket.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  }

  private tunnel(req: http.IncomingMessage, client: Socket, head: Buffer): void {
    const target = req.url ?? '';
    this.requests.push({
      method: 'CONNECT',
      target,
      proxyAuthorization: req.headers['proxy-authorization'] !== undefined,
    });
    const to = this.resolve(target);
    if (!to) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = net.connect(to.port, to.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) {
        upstream.write(head);
      }
      upstream.pipe(client);
      client.pipe(upstream);
    });
    this.sockets.add(upstream);
    upstream.on('close', () => this.sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  }
}

const hostOf = (target: string) => target.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
