/**
 * Bilt behind a corporate proxy in a real VS Code: `http.proxy` names a counting proxy on loopback
 * (test/support/countingProxy.ts), and the remote server, a stand-in gateway on loopback, is addressed
 * as `bilt-test.invalid`, a name only the proxy resolves: reaching it proves the requests went through
 * the proxy. First plain http with VS Code's own proxy support (its patched fetch); then https, behind a
 * certificate a test CA signed (test/support/testCerts.ts): refused with the system's CAs, and the state
 * names the proxy, strict SSL and the CAs tried; accepted with `http.proxyStrictSSL` off and with
 * `bilt.network.caFile` naming the CA (the extension's own agent), refused with another CA's file; with
 * the proxy down, the tree says what was tried.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BiltExtensionApi } from '../../src/extension';
import type { Node } from '../../src/ui/tree/nodes';
import { CountingProxy } from '../support/countingProxy';
import { startStandInGateway, type StandInGateway } from '../support/standInGateway';
import { hasOpenssl, makeTestCerts, startTlsFront, type TestCerts, type TlsFront } from '../support/testCerts';
import { tempDir } from '../support/tmp';
import { api, until } from './support';

const TOKEN = 'proxied-gateway-token';
const HOST = 'bilt-test.invalid';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const UNTRUSTED =
  "(SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY) \\(the server's certificate is not signed by a trusted CA\\)";

describe('Bilt behind a proxy in a real VS Code', function () {
  this.timeout(90_000);
  let a: BiltExtensionApi;
  let gateway: StandInGateway;
  let proxy: CountingProxy;
  let certs: TestCerts;
  let otherCa: string;
  let front: TlsFront;
  let plainUrl: string;
  let tlsUrl: string;
  const global = vscode.ConfigurationTarget.Global;
  const http = () => vscode.workspace.getConfiguration('http');
  const bilt = () => vscode.workspace.getConfiguration('bilt');
  const snap = (url: string) => a.store.snapshot(url);
  /** Why the server cannot be used: its state and its error, as the server row's tooltip and the log say it. */
  const why = (url: string) => {
    const st = snap(url)?.status;
    return st && 'error' in st ? `${st.state}: ${st.error.message}` : undefined;
  };
  /** Waits until the server's state says exactly this (a regex over `state: message`), and returns it. */
  const stateSays = (url: string, re: RegExp, what: string) => until(() => re.test(why(url) ?? '') && why(url), what);
  /** The server row's tooltip (Markdown, as VS Code shows it on hover). */
  const tooltip = async (url: string) => {
    const rows: Node[] = (await a.view.provider.getChildren()) ?? [];
    const server = rows.find((n) => n.kind === 'server' && n.serverId === url);
    const item = server && a.view.provider.getTreeItem(server);
    const t = item && 'tooltip' in item ? item.tooltip : undefined;
    return typeof t === 'string' ? t : (t?.value ?? '');
  };
  /** What a request to the gateway's session list through this route fails with, as the state says it. */
  const failure = (url: string, route: string, problem: string) =>
    new RegExp(`^unreachable: Cannot reach ${escape(`${url}/api/sessions`)} ${route}: ${problem}$`);
  const viaProxy = () => `through proxy ${escape(proxy.url)} \\(http\\.proxy\\)`;

  before(async function () {
    if (!hasOpenssl()) {
      this.skip(); // the certificates are made with the openssl binary
    }
    a = await api();
    gateway = await startStandInGateway({ token: TOKEN });
    gateway.addSession({ task_id: 'proxied', prompt: 'Behind the proxy', status: 'completed' });
    proxy = await new CountingProxy({ [HOST]: '127.0.0.1' }).start();
    certs = makeTestCerts(tempDir('bilt-it-certs-'));
    otherCa = makeTestCerts(tempDir('bilt-it-other-ca-')).caFile;
    front = await startTlsFront(certs, Number(new URL(gateway.url).port));
    plainUrl = `http://${HOST}:${new URL(gateway.url).port}`;
    tlsUrl = `https://${HOST}:${front.port}`;
    await http().update('proxy', proxy.url, global);
  });
  after(async () => {
    if (tlsUrl && a.store.snapshot(tlsUrl)) {
      await vscode.commands.executeCommand('bilt.signOut', { serverId: tlsUrl });
    }
    await bilt().update('servers', undefined, global);
    await bilt().update('network.caFile', undefined, global);
    await http().update('proxyStrictSSL', undefined, global);
    await http().update('proxy', undefined, global);
    await proxy?.stop();
    await front?.stop();
    await gateway?.stop();
  });

  it("reaches a plain http server through http.proxy with VS Code's own proxy support", async () => {
    await bilt().update('servers', [{ url: plainUrl, label: 'Behind a proxy', kind: 'session-api' }], global);
    await vscode.commands.executeCommand('bilt.signIn', plainUrl, TOKEN);
    await until(
      () =>
        snap(plainUrl)?.status.state === 'ready' &&
        snap(plainUrl)?.projects?.some((p) => p.project.name === 'Behind the proxy'),
      "the gateway's session, through VS Code's proxy support",
    );
    assert.ok(proxy.countFor(HOST) >= 1, 'the requests went through the proxy');
    assert.equal(gateway.requests.at(-1)?.authorization, `Bearer ${TOKEN}`);
  });

  it('https through the proxy: the CAs tried are named when refused; strict SSL off or the CA file make it work', async () => {
    const tunnels = () => proxy.requests.filter((r) => r.method === 'CONNECT' && r.target === `${HOST}:${front.port}`);
    await vscode.commands.executeCommand('bilt.signOut', { serverId: plainUrl });
    await bilt().update('servers', [{ url: tlsUrl, label: 'Behind a proxy (TLS)', kind: 'session-api' }], global);
    await vscode.commands.executeCommand('bilt.signIn', tlsUrl, TOKEN);

    // VS Code's fetch trusts the system's CAs only: refused, and the state says through what
    const refused = await stateSays(
      tlsUrl,
      failure(tlsUrl, `${viaProxy()}, strict SSL on, CA: system`, UNTRUSTED),
      'refused',
    );
    assert.ok(tunnels().length >= 1, 'the request went through the proxy (CONNECT)');
    const shown = await tooltip(tlsUrl);
    assert.ok(shown.includes('strict SSL on, CA: system') && shown.includes('not signed by a trusted CA'), shown);
    assert.ok(refused);

    // http.proxyStrictSSL off: the extension's own agent, through the same proxy, checks nothing
    let before = tunnels().length;
    await http().update('proxyStrictSSL', false, global);
    await until(() => snap(tlsUrl)?.status.state === 'ready', 'ready with strict SSL off');
    assert.ok(tunnels().length > before, 'through the proxy');

    // strict again, and a CA file that is not the one that signed the server's certificate: named
    await bilt().update('network.caFile', otherCa, global);
    await http().update('proxyStrictSSL', undefined, global);
    const ca = ` \\+ ${escape(otherCa)}`;
    await stateSays(tlsUrl, failure(tlsUrl, `${viaProxy()}, strict SSL on, CA: system${ca}`, UNTRUSTED), 'other CA');

    // the CA that signed it: ready, through the proxy
    before = tunnels().length;
    await bilt().update('network.caFile', certs.caFile, global);
    await until(() => snap(tlsUrl)?.status.state === 'ready', 'ready with bilt.network.caFile');
    assert.ok(tunnels().length > before, 'through the proxy');
    assert.ok(snap(tlsUrl)?.projects?.some((p) => p.project.name === 'Behind the proxy'));
  });

  it('with the proxy down, the state and the tooltip name the proxy, strict SSL and the CAs tried', async () => {
    await proxy.stop();
    await a.store.refresh(tlsUrl);
    const ca = ` \\+ ${escape(certs.caFile)}`;
    await stateSays(tlsUrl, failure(tlsUrl, `${viaProxy()}, strict SSL on, CA: system${ca}`, 'ECONNREFUSED'), 'own');
    const shown = await tooltip(tlsUrl);
    assert.ok(shown.includes('unreachable') && shown.includes('ECONNREFUSED'), `the server row's tooltip: ${shown}`);

    // without the CA file, VS Code's own proxy support: the same words, the system's CAs only
    await bilt().update('network.caFile', undefined, global);
    await stateSays(tlsUrl, failure(tlsUrl, `${viaProxy()}, strict SSL on, CA: system`, 'ECONNREFUSED'), 'host');
  });
});
