/**
 * A Session API gateway (the stand-in, answering as the open-source gateway's running code does) added
 * through bilt.servers: its sessions appear in the tree grouped by task with the same rows and
 * state-gated actions as Bilt's; a message is sent from the palette, the session's live log follows,
 * and the work is paused and resumed from the tree.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BiltExtensionApi } from '../../src/extension';
import type { Node } from '../../src/ui/tree/nodes';
import { startStandInGateway, type StandInGateway } from '../support/standInGateway';
import { api, until } from './support';

const TOKEN = 'stand-in-gateway-token';

describe('Bilt with a Session API gateway in a real VS Code', function () {
  this.timeout(60_000);
  let a: BiltExtensionApi;
  let gateway: StandInGateway;
  const servers = () => vscode.workspace.getConfiguration('bilt');
  const item = (node: Node) => a.view.provider.getTreeItem(node) as vscode.TreeItem;
  const children = async (node?: Node) => (await a.view.provider.getChildren(node)) ?? [];

  before(async () => {
    a = await api();
    gateway = await startStandInGateway({ token: TOKEN });
  });
  after(async () => {
    await servers().update('servers', undefined, vscode.ConfigurationTarget.Global);
    await gateway?.stop();
  });

  it('shows its sessions by task; send from the palette, live log, pause and resume from the tree', async () => {
    const session = gateway.addSession({ task_id: 'checkout-flow', prompt: 'Add a checkout page', status: 'active' });
    const entry = [{ url: gateway.url, label: 'Gateway', kind: 'session-api' }];
    await servers().update('servers', entry, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('bilt.signIn', gateway.url, TOKEN);
    const listed = () => a.store.snapshot(gateway.url)?.projects?.find((p) => p.project.id === session.id);
    await until(listed, 'the gateway session in the store');

    const server = await until(
      async () => (await children()).find((n) => n.kind === 'server' && n.serverId === gateway.url),
      'the gateway row',
    );
    const [group] = await children(server);
    assert.deepEqual([group?.kind, item(group!).label], ['group', 'checkout-flow']);
    const [project] = await children(group);
    const row = () => item(project!);
    assert.equal(row().label, 'Add a checkout page');
    const [sessionNode] = await children(project); // expanding reads the session, as a person's click does
    assert.equal(sessionNode?.kind, 'session');
    await until(() => /running/.test(String(row().description)), 'the row to say running');
    assert.match(String(row().contextValue), /^project\b.*\bpausable\b/);
    assert.match(String(row().contextValue), /\bdeletable\b/);
    assert.doesNotMatch(String(row().contextValue), /\banswerable\b|\bcan-send\b/);

    await vscode.commands.executeCommand('bilt.pauseWorkflow', project);
    assert.deepEqual(gateway.requestsTo(`PATCH /api/sessions/${session.id}`).at(-1)?.body, { status: 'paused' });
    await until(() => /paused/.test(String(row().description)), 'the row to say paused');
    assert.match(String(row().contextValue), /\bresumable\b/);
    await vscode.commands.executeCommand('bilt.resumeWorkflow', project);
    assert.deepEqual(gateway.requestsTo(`PATCH /api/sessions/${session.id}`).at(-1)?.body, { status: 'active' });
    await until(() => /running/.test(String(row().description)), 'the row to say running again');

    gateway.setStatus(session.id, 'completed');
    await a.store.refresh(gateway.url);
    await until(() => /\bcan-send\b/.test(String(row().contextValue)), 'the row to offer Send');
    const logged: string[] = [];
    const sub = a.logs.onDidAppend((e) => e.sessionId === session.id && logged.push(...e.lines));
    try {
      const target = { serverId: gateway.url, projectId: session.id };
      await vscode.commands.executeCommand('bilt.sendMessage', target, 'Now add tests');
      assert.deepEqual(gateway.requestsTo(`POST /api/sessions/${session.id}/message`).at(-1)?.body, {
        content: 'Now add tests',
      });
      gateway.pushMessage(session.id, 'assistant', 'Tests added for the checkout page');
      await until(() => logged.some((l) => l.includes('Tests added for the checkout page')), 'the live log');
      assert.ok(
        logged.some((l) => l.includes('Now add tests')),
        'the log shows the sent message',
      );
    } finally {
      sub.dispose();
    }
  });
});
