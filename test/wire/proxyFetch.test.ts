/**
 * The proxy-aware fetch (src/api/http/proxyFetch.ts) on the wire: a counting proxy on loopback
 * (test/support/countingProxy.ts) that alone can resolve `bilt-test.invalid`, an https server whose
 * certificate a test CA signed (made now with openssl), a stand-in gateway and an engine. Through the
 * proxy with the CA file, refused without it, strict SSL off, noProxy and loopback going direct, the
 * host's fetch kept when nothing more is asked, and every failure naming the route it took.
 */
import assert from 'node:assert/strict';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { writeFileSync } from 'node:fs';
import { BiltClient } from '../../src/api/client';
import { networkFetch, type NetworkOptions } from '../../src/api/http/proxyFetch';
import { redactProxy } from '../../src/api/http/proxyRoute';
import { RestConnection } from '../../src/api/http/restConnection';
import type { FetchLike } from '../../src/api/http/resilientFetch';
import { isBiltError } from '../../src/core/errors';
import { CountingProxy } from '../support/countingProxy';
import { startStandInGateway, type StandInGateway } from '../support/standInGateway';
import { hasOpenssl, makeTestCerts, type TestCerts } from '../support/testCerts';
import { tempDir } from '../support/tmp';
import { closedPort, CONTRACTS, useClientEngine } from './support/client';

const HOST = 'bilt-test.invalid';
const TOKEN = 'proxy-test-token';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** What a GET to `url` through `fetch` becomes: the answer's text, or the BiltError's message. */
async function outcome(fetch: FetchLike, url: string): Promise<string> {
  const target = new URL(url);
  const rest = new RestConnection({
    root: new URL(target.origin),
    fetch,
    resilience: { maxRetries: 0 },
  });
  try {
    return JSON.stringify(await rest.request('GET', target.pathname));
  } catch (e) {
    assert.ok(isBiltError(e), `a BiltError, got ${String(e)}`);
    return e.message;
  }
}

describe('wire: the proxy-aware fetch', function () {
  this.timeout(30_000);
  let certs: TestCerts;
  let server: https.Server;
  let httpsUrl: string;
  let proxy: CountingProxy;
  let gateway: StandInGateway;
  const opened: Array<{ close(): Promise<void> }> = [];
  const net = (o: Partial<NetworkOptions>) => {
    const n = networkFetch({ strictSSL: true, systemCerts: true, ...o });
    opened.push(n);
    return n;
  };
  const viaProxy = (o: Partial<NetworkOptions> = {}) =>
    net({ proxy: proxy.url, proxySource: 'http.proxy', caFiles: [certs.caFile], ...o });

  before(async function () {
    if (!hasOpenssl()) {
      this.skip(); // the certificates are made with the openssl binary
    }
    certs = makeTestCerts(tempDir('bilt-certs-'));
    server = https.createServer({ cert: certs.cert, key: certs.key }, (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    httpsUrl = `https://${HOST}:${(server.address() as AddressInfo).port}`;
    gateway = await startStandInGateway({ token: TOKEN });
    proxy = await new CountingProxy({ [HOST]: '127.0.0.1' }).start();
  });
  after(async () => {
    await Promise.all(opened.map((n) => n.close()));
    server?.closeAllConnections();
    server?.close();
    await proxy?.stop();
    await gateway?.stop();
  });

  it('reaches an https server through the proxy (CONNECT), trusting the CA file', async () => {
    const before = proxy.countFor(HOST);
    const n = viaProxy();
    assert.equal(n.road, 'own');
    assert.equal(await outcome(n.fetch, `${httpsUrl}/hello`), '{"path":"/hello"}');
    assert.equal(proxy.countFor(HOST), before + 1);
    assert.deepEqual(proxy.requests.at(-1), {
      method: 'CONNECT',
      target: `${HOST}:${new URL(httpsUrl).port}`,
      proxyAuthorization: false,
    });
  });

  it("without the CA file, or with another CA's, the certificate is refused, and the message names the route", async () => {
    const refused = (ca: string) =>
      new RegExp(
        `^Cannot reach ${httpsUrl}/api/sessions through proxy ${proxy.url} \\(http\\.proxy\\), strict SSL on, ` +
          `CA: (system|bundled)${ca}: ` +
          '(SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY) ' +
          "\\(the server's certificate is not signed by a trusted CA\\)$",
      );
    assert.match(await outcome(viaProxy({ caFiles: [] }).fetch, `${httpsUrl}/api/sessions`), refused(''));
    const other = makeTestCerts(tempDir('bilt-other-certs-')).caFile;
    assert.match(
      await outcome(viaProxy({ caFiles: [other] }).fetch, `${httpsUrl}/api/sessions`),
      refused(` \\+ ${escape(other)}`),
    );
  });

  it('strict SSL off accepts the certificate without the CA', async () => {
    assert.equal(await outcome(viaProxy({ caFiles: [], strictSSL: false }).fetch, `${httpsUrl}/x`), '{"path":"/x"}');
  });

  it('the proxy down: ECONNREFUSED, through which proxy, strict SSL and which CAs', async () => {
    const down = `http://127.0.0.1:${await closedPort()}`;
    const message = await outcome(viaProxy({ proxy: down }).fetch, `${httpsUrl}/api/sessions`);
    assert.match(
      message,
      new RegExp(
        `^Cannot reach ${httpsUrl}/api/sessions through proxy ${down} \\(http\\.proxy\\), strict SSL on, ` +
          `CA: (system|bundled) \\+ ${escape(certs.caFile)}: ECONNREFUSED$`,
      ),
    );
  });

  it('loopback and noProxy hosts go direct (loopback by request; names by route, no lookup leaves the machine)', async () => {
    const before = proxy.requests.length;
    const loopback = `https://127.0.0.1:${new URL(httpsUrl).port}`;
    assert.equal(await outcome(viaProxy().fetch, `${loopback}/y`), '{"path":"/y"}');
    assert.equal(await outcome(viaProxy().fetch, `https://localhost:${new URL(httpsUrl).port}/z`), '{"path":"/z"}');
    assert.equal(proxy.requests.length, before, 'nothing went through the proxy');
    assert.match(viaProxy().routeTo(`${loopback}/y`), /^direct \(loopback\), /);
    const direct = /^direct \(http\.noProxy or NO_PROXY\), strict SSL on, /;
    for (const entry of ['.invalid', '*.invalid', HOST, `${HOST}:${new URL(httpsUrl).port}`, '*']) {
      assert.match(viaProxy({ noProxy: [entry] }).routeTo(httpsUrl), direct, entry);
    }
    for (const entry of [`${HOST}:1`, 'other.invalid', 'test.invalid.example']) {
      assert.match(viaProxy({ noProxy: [entry] }).routeTo(httpsUrl), /^through proxy/, entry);
    }
  });

  it("keeps the host's fetch when nothing more is asked, and gives its failures the route", async () => {
    const calls: string[] = [];
    const hostFetch: FetchLike = async (url) => {
      calls.push(String(url));
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) });
    };
    const n = net({ proxy: proxy.url, proxySource: 'http.proxy', hostFetch });
    assert.equal(n.road, 'host');
    assert.match(
      await outcome(n.fetch, `${httpsUrl}/z`),
      new RegExp(`through proxy ${proxy.url} \\(http\\.proxy\\), strict SSL on, CA: (system|bundled): ECONNREFUSED$`),
    );
    assert.deepEqual(calls, [`${httpsUrl}/z`]);
    assert.equal(
      net({ hostFetch }).routeTo(httpsUrl).split(',')[0],
      "no proxy set (VS Code's system proxy detection applies)",
    );
    assert.equal(net({ hostFetch, caFiles: [certs.caFile] }).road, 'own', 'a CA file needs the own road');
    assert.equal(net({ hostFetch, strictSSL: false }).road, 'own', 'so does strict SSL off');
  });

  it('a CA file that cannot be read or holds no certificate says so; a proxy password is never shown', async () => {
    const missing = path.join(tempDir('bilt-ca-'), 'missing.pem');
    assert.match(
      await outcome(viaProxy({ caFiles: [missing] }).fetch, `${httpsUrl}/`),
      new RegExp(`: the CA file ${escape(missing)} cannot be read \\(ENOENT\\)$`),
    );
    const empty = path.join(tempDir('bilt-ca-'), 'empty.pem');
    writeFileSync(empty, 'not a certificate\n');
    assert.match(await outcome(viaProxy({ caFiles: [empty] }).fetch, `${httpsUrl}/`), /holds no PEM certificate$/);
    const withPassword = net({ proxy: 'http://alice:s3cret@proxy.example:3128', proxySource: 'http.proxy' });
    assert.equal(
      withPassword.routeTo(httpsUrl).split(',')[0],
      'through proxy http://alice:***@proxy.example:3128 (http.proxy)',
    );
    assert.equal(redactProxy(new URL('http://proxy.example:3128/')), 'http://proxy.example:3128');
    const socks = net({ proxy: 'socks5://bob:pw@127.0.0.1:1080', proxySource: 'http.proxy', caFiles: [certs.caFile] });
    assert.match(
      await outcome(socks.fetch, `${httpsUrl}/`),
      /through proxy socks5:\/\/bob:\*\*\*@127\.0\.0\.1:1080 \(http\.proxy\), .*: this proxy is not an http or https URL/,
    );
  });

  it('the client reaches a gateway addressed by a name only the proxy resolves, with its token', async () => {
    const before = proxy.countFor(HOST);
    const url = `http://${HOST}:${new URL(gateway.url).port}`;
    gateway.addSession({ task_id: 'behind-proxy', prompt: 'Through the proxy' });
    const client = await BiltClient.connect({ url, kind: 'session-api', token: TOKEN, fetch: viaProxy().fetch });
    try {
      const projects = await client.backend.listProjects();
      assert.ok(projects.some((p) => p.name === 'Through the proxy'));
      assert.ok(proxy.countFor(HOST) > before, 'the requests went through the proxy');
      assert.equal(gateway.requests.at(-1)?.authorization, `Bearer ${TOKEN}`);
    } finally {
      await client.close();
    }
  });
});

describe('wire: the MCP client over the own road (undici fetch)', function () {
  const e = useClientEngine({ scenario: 'quick.json' });

  it("connects to the engine and calls tools through undici's fetch", async function () {
    if (!hasOpenssl()) {
      this.skip();
    }
    const certs = makeTestCerts(tempDir('bilt-certs-'));
    const n = networkFetch({ strictSSL: true, systemCerts: true, caFiles: [certs.caFile] });
    try {
      assert.equal(n.road, 'own');
      const client = await e.connect(CONTRACTS[0]!, { fetch: n.fetch });
      assert.equal(client.backend.kind, 'mcp-seed');
      assert.ok(Array.isArray(await client.backend.listProjects()));
    } finally {
      await n.close();
    }
  });
});
