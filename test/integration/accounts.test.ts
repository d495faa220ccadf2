/**
 * Bilt in VS Code's Accounts menu: the authentication provider `bilt` (one account per remote server,
 * scope `server:<url>`) over the same SecretStorage tokens as "Bilt: Sign In" and "Bilt: Sign Out". The
 * remote server is a stand-in Session API gateway on loopback that accepts one token. VS Code gives a
 * session to an extension only once a person has allowed it: the test grants access the way a person
 * does, through the Accounts menu's request entry and its account picker (VS Code 1.139's commands).
 * Then the workspace's account: with a second engine signed in as a remote server, new projects an agent
 * creates go to the account this workspace chose.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BiltExtensionApi } from '../../src/extension';
import type { Node } from '../../src/ui/tree/nodes';
import { startEngine, type EngineProcess } from '../support/engineProcess';
import { startStandInGateway, type StandInGateway } from '../support/standInGateway';
import { tempDir } from '../support/tmp';
import { api, autoApproveTools, EXTENSION_ID, uniqueName, until } from './support';

const TOKEN = 'accounts-gateway-token';
const PROVIDER = 'bilt';
const LABEL = 'Accounts Gateway';

describe('Bilt accounts (an authentication provider) in a real VS Code', function () {
  this.timeout(60_000);
  let a: BiltExtensionApi;
  let gateway: StandInGateway;
  let engine: EngineProcess | undefined;
  let sub: vscode.Disposable | undefined;
  /** Every onDidChangeSessions VS Code announced for the Bilt provider. */
  let changes = 0;
  const bilt = () => vscode.workspace.getConfiguration('bilt');
  const scopes = () => [`server:${gateway.url}`];
  const session = () => vscode.authentication.getSession(PROVIDER, scopes(), { createIfNone: false });
  const state = (url = gateway.url) => a.store.snapshot(url)?.status.state;
  /** The gateway's row in the Sessions view, as VS Code shows it. */
  const row = async () => {
    const rows: Node[] = (await a.view.provider.getChildren()) ?? [];
    const server = rows.find((n) => n.kind === 'server' && n.serverId === gateway.url);
    return server && a.view.provider.getTreeItem(server);
  };

  before(async () => {
    a = await api();
    gateway = await startStandInGateway({ token: TOKEN });
    sub = vscode.authentication.onDidChangeSessions((e) => e.provider.id === PROVIDER && changes++);
    const entry = [{ url: gateway.url, label: LABEL, kind: 'session-api' }];
    await bilt().update('servers', entry, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    sub?.dispose();
    await a.account.set(undefined);
    for (const url of [gateway.url, engine?.ready.mcpUrl]) {
      if (url && a.store.snapshot(url) && state(url) !== 'signed-out') {
        await vscode.commands.executeCommand('bilt.signOut', { serverId: url });
      }
    }
    await bilt().update('servers', undefined, vscode.ConfigurationTarget.Global);
    await engine?.stop();
    await gateway?.stop();
  });

  it('Sign In makes an account; once access is granted getSession returns it; a new token is announced', async () => {
    let seen = changes;
    await vscode.commands.executeCommand('bilt.signIn', gateway.url, TOKEN);
    await until(() => state() === 'ready', 'the gateway to be ready');
    await until(() => changes > seen, 'onDidChangeSessions after Bilt: Sign In');
    const accounts = await vscode.authentication.getAccounts(PROVIDER);
    assert.deepEqual(
      accounts.map((x) => [x.label, x.id]),
      [[LABEL, gateway.url]],
    );

    // not yet allowed: nothing, and VS Code puts a request in the Accounts menu; grant it as a person does
    assert.equal(await session(), undefined);
    await vscode.commands.executeCommand(`${PROVIDER}${EXTENSION_ID}Access`);
    const granted = await until(async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return vscode.authentication.getSession(PROVIDER, scopes(), { silent: true });
    }, 'access granted through the Accounts menu');
    assert.deepEqual(
      [granted.id, granted.account.label, granted.account.id, granted.scopes, granted.accessToken],
      [gateway.url, LABEL, gateway.url, scopes(), TOKEN],
      'the session is the server, its account and the token Sign In stored',
    );
    assert.equal((await session())?.accessToken, TOKEN, 'createIfNone: false returns the account');

    // another token for the same server: the session changes (same account), and VS Code is told
    seen = changes;
    await vscode.commands.executeCommand('bilt.signIn', gateway.url, 'a-token-the-gateway-refuses');
    await until(() => changes > seen, 'onDidChangeSessions after the token changed');
    assert.equal((await session())?.accessToken, 'a-token-the-gateway-refuses');
    await until(() => state() === 'unauthorized', 'the gateway to refuse the new token');
    seen = changes;
    await vscode.commands.executeCommand('bilt.signIn', gateway.url, TOKEN);
    await until(() => changes > seen && state() === 'ready', 'the right token again');
    assert.equal((await session())?.accessToken, TOKEN);

    seen = changes;
    await vscode.commands.executeCommand('bilt.signOut', { serverId: gateway.url });
    await until(() => changes > seen, 'onDidChangeSessions after Bilt: Sign Out');
    assert.equal(await session(), undefined);
    await until(() => state() === 'signed-out', 'the server to show signed out');
  });

  it("signing out from the Accounts menu is the provider's removeSession: the token goes, the tree says signed out", async () => {
    let seen = changes;
    await vscode.commands.executeCommand('bilt.signIn', gateway.url, TOKEN);
    await until(() => changes > seen, 'onDidChangeSessions after signing in again');
    await until(() => state() === 'ready', 'the gateway to be ready again');
    assert.equal((await session())?.accessToken, TOKEN, 'access stays with the account');

    seen = changes;
    // the Accounts menu's Sign Out (it confirms first: VS Code confirms by itself under tests)
    await vscode.commands.executeCommand('_signOutOfAccount', { providerId: PROVIDER, accountLabel: LABEL });
    await until(() => changes > seen, 'onDidChangeSessions after signing out from the Accounts menu');
    assert.equal(await session(), undefined);
    assert.deepEqual(await vscode.authentication.getAccounts(PROVIDER), []);
    await until(() => state() === 'signed-out', 'the token gone: the server shows signed out');
    const item = await row();
    assert.equal(item?.description, 'signed out', "the gateway's row in the Sessions view");
    assert.match(String(item?.contextValue), /^server remote .*signed-out/, 'its menu offers Sign In again');
  });

  it("the workspace's account is where new projects go (an agent's create tool)", async () => {
    await autoApproveTools(); // the create tool asks for confirmation
    engine = await startEngine(['--data-dir', tempDir('bilt-it-account-engine-'), '--speed', '0']);
    const other = engine.ready.mcpUrl;
    await vscode.commands.executeCommand('bilt.signIn', other, engine.ready.token);
    await until(() => state(other) === 'ready' && state('local') === 'ready', 'both engines ready');
    await vscode.commands.executeCommand('bilt.linkWorkspace', undefined, 'unlink'); // a linked project would win
    const create = async () => {
      const name = uniqueName('account');
      const input = { name, description: 'made by an agent' };
      await vscode.lm.invokeTool('bilt_createProject', { input, toolInvocationToken: undefined });
      return name;
    };
    const on = (server: string, name: string) =>
      a.store.snapshot(server)?.projects?.some((p) => p.project.name === name);

    assert.equal(await vscode.commands.executeCommand('bilt.chooseAccount', other), other);
    assert.equal(a.account.get(), other);
    const mine = await create();
    await until(() => on(other, mine), 'the new project on the chosen account');
    assert.ok(!on('local', mine), 'not on the local engine');

    // Sign Out named a server that is signed out already: refused, never another server signed out instead
    assert.equal(state(), 'signed-out');
    await vscode.commands.executeCommand('bilt.signOut', { serverId: gateway.url });
    assert.equal(state(other), 'ready', 'the other server is still signed in');

    await a.account.set(undefined);
    const anywhere = await create();
    await until(() => on('local', anywhere), 'without a choice: the first ready server, the local engine');
    assert.ok(!on(other, anywhere));
  });
});
