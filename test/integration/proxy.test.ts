/**
 * Bilt behind a corporate proxy in a real VS Code: `http.proxy` names a counting proxy on loopback
 * (test/support/countingProxy.ts), and the remote server, a stand-in gateway on loopback, is addressed
 * as `bilt-test.invalid`, a name only the proxy resolves: reaching it proves the requests went through
 * the proxy. First with VS Code's own proxy support (its patched fetch), then with `bilt.network.caFile`
 * set (the extension's own agent); with the proxy down, the tree says what was tried.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BiltExtensionApi } from '../../src/extension';
import type { Node } from '../../src/ui/tree/nodes';
import { CountingProxy } from '../support/countingProxy';
import { startStandInGateway, type StandInGateway } from '../support/standInGateway';
import { hasOpenssl, makeTestCerts } from '../support/testCerts';
import { tempDir } from '../support/tmp';
import { api, until } from './support';

const TOKEN = 'proxied-gateway-token';
const HOST = 'bilt-test.invalid';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

describe('Bilt behind a proxy in a real VS Code', function () {
  this.timeout(90_000);
  let a: BiltExtensionApi;
  let gateway: StandInGateway;
  let proxy: CountingProxy;
  let url: string;
  const global = vscode.ConfigurationTarget.Global;
  const http = () => vscode.workspace.getConfiguration('http');
  const bilt = () => vscode.workspace.getConfiguration('bilt');
  const snap = () => a.store.snapshot(url);
  const children = async (node?: Node) => (await a.view.provider.getChildren(node)) ?? [];
  /** Why the server cannot be used: its state's error, as the server row's tooltip and the log say it. */
  const why = () => {
    const st = snap()?.status;
    return st && 'error' in st ? `${st.state}: ${st.error.message}` : undefined;
  };
  /** The server row's tooltip (Markdown, as VS Code shows it on hover). */
  const tooltip = async () => {
    const server = (await children()).find((n) => n.kind === 'server' && n.serverId === url);
    const item = server && a.view.provider.getTreeItem(server);
    const t = item && 'tooltip' in item ? item.tooltip : undefined;
    return typeof t === 'string' ? t : (t?.value ?? '');
  };

  before(async function () {
    if (!hasOpenssl()) {
      this.skip(); // the CA file is made with the openssl binary
    }
    a = await api();
    gateway = await startStandInGateway({ token: TOKEN });
    proxy = await new CountingProxy({ [HOST]: '127.0.0.1' }).start();
    url = `http://${HOST}:${new URL(gateway.url).port}`;
  });
  after(async () => {
    await bilt().update('servers', undefined, global);
    await bilt().update('network.caFile', undefined, global);
    await http().update('proxy', undefined, global);
    await proxy?.stop();
    await gateway?.stop();
  });

  it('reaches the server through http.proxy, then with a CA file; a proxy that is down is named in the tree', async () => {
    gateway.addSession({ task_id: 'proxied', prompt: 'Behind the proxy', status: 'completed' });
    await http().update('proxy', proxy.url, global);
    await bilt().update('servers', [{ url, label: 'Behind a proxy', kind: 'session-api' }], global);
    await vscode.commands.executeCommand('bilt.signIn', url, TOKEN);
    await until(
      () => snap()?.status.state === 'ready' && snap()?.projects?.some((p) => p.project.name === 'Behind the proxy'),
      "the gateway's session, through VS Code's proxy support",
    );
    assert.ok(proxy.countFor(HOST) >= 1, 'the requests went through the proxy');
    assert.equal(gateway.requests.at(-1)?.authorization, `Bearer ${TOKEN}`);

    // an extra CA: the extension's own agent (undici), through the same proxy
    const caFile = makeTestCerts(tempDir('bilt-it-certs-')).caFile;
    const before = proxy.countFor(HOST);
    await bilt().update('network.caFile', caFile, global);
    await until(() => proxy.countFor(HOST) > before, 'a new connection through the proxy with the CA file');
    await until(() => snap()?.status.state === 'ready', 'the gateway to be ready through the own agent');

    // the proxy goes down: the server's state names the proxy, strict SSL and the CAs that were tried
    await proxy.stop();
    await a.store.refresh(url);
    const sessionsUrl = `${url}/api/sessions`;
    const tried = (ca: string) =>
      new RegExp(
        `^unreachable: Cannot reach ${escape(sessionsUrl)} through proxy ${escape(proxy.url)} ` +
          `\\(http\\.proxy\\), strict SSL on, CA: system${ca}: ECONNREFUSED$`,
      );
    const own = await until(
      () => tried(` \\+ ${escape(caFile)}`).test(why() ?? '') && why(),
      'the state naming the CA file',
    );
    const shown = await tooltip();
    assert.ok(shown.includes('unreachable') && shown.includes('ECONNREFUSED'), `the server row's tooltip: ${shown}`);
    assert.ok(own);

    // without the CA file, VS Code's own proxy support: the same words, the system's CAs only
    await bilt().update('network.caFile', undefined, global);
    await until(() => tried('').test(why() ?? ''), "the state after VS Code's fetch failed");
  });
});
