/**
 * Bilt in VS Code's Accounts menu: the authentication provider `bilt` (one account per remote server,
 * scope `server:<url>`) over the same SecretStorage tokens as "Bilt: Sign In" and "Bilt: Sign Out". The
 * remote server is a stand-in Session API gateway on loopback that accepts one token. VS Code gives a
 * session to an extension only once a person has allowed it: the test grants access the way a person
 * does, through the Accounts menu's request entry and its account picker (VS Code 1.139's commands).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BiltExtensionApi } from '../../src/extension';
import { startStandInGateway, type StandInGateway } from '../support/standInGateway';
import { api, EXTENSION_ID, until } from './support';

const TOKEN = 'accounts-gateway-token';
const PROVIDER = 'bilt';
const LABEL = 'Accounts Gateway';

describe('Bilt accounts (an authentication provider) in a real VS Code', function () {
  this.timeout(60_000);
  let a: BiltExtensionApi;
  let gateway: StandInGateway;
  let sub: vscode.Disposable | undefined;
  /** Every onDidChangeSessions VS Code announced for the Bilt provider. */
  let changes = 0;
  const bilt = () => vscode.workspace.getConfiguration('bilt');
  const scopes = () => [`server:${gateway.url}`];
  const session = () => vscode.authentication.getSession(PROVIDER, scopes(), { createIfNone: false });
  const state = () => a.store.snapshot(gateway.url)?.status.state;

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
    await bilt().update('servers', undefined, vscode.ConfigurationTarget.Global);
    await gateway?.stop();
  });

  it('Sign In makes an account; once access is granted getSession returns it; Sign Out removes it', async () => {
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

    seen = changes;
    await vscode.commands.executeCommand('bilt.signOut', { serverId: gateway.url });
    await until(() => changes > seen, 'onDidChangeSessions after Bilt: Sign Out');
    assert.equal(await session(), undefined);
    await until(() => state() === 'signed-out', 'the server to show signed out');
  });

  it("signing out from the Accounts menu is the provider's removeSession, the same sign-out as the command", async () => {
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
  });

  it('Choose Account for This Workspace keeps the server for this workspace', async () => {
    await vscode.commands.executeCommand('bilt.signIn', gateway.url, TOKEN);
    await until(() => state() === 'ready', 'the gateway to be ready');
    assert.equal(await vscode.commands.executeCommand('bilt.chooseAccount', gateway.url), gateway.url);
    assert.equal(a.account.get(), gateway.url);
  });
});
