import assert from 'node:assert/strict';
import {
  mcpConfigJson,
  mcpServerEntry,
  tokenCommand,
  tokenService,
  tokenSetupHint,
} from '../../../src/present/mcpConfig';

const bridgePath = '/home/me/.vscode/extensions/bilt/dist/bridge.js';
const parse = (s: string) =>
  JSON.parse(s) as { mcpServers: Record<string, { command: string; args: string[]; env?: Record<string, string> }> };

describe('present/mcpConfig: the configuration for other MCP clients', () => {
  it('the local engine: node and the bridge path, no env at all by default', () => {
    const j = parse(mcpConfigJson({ bridgePath, server: { kind: 'local' }, platform: 'linux' }));
    assert.deepEqual(j, { mcpServers: { bilt: { command: 'node', args: [bridgePath] } } });
  });

  it('the local engine with a custom data dir: only BILT_ENGINE_DATA_DIR', () => {
    assert.deepEqual(
      mcpServerEntry({ bridgePath, server: { kind: 'local' }, dataDir: '/data/bilt', platform: 'darwin' }).env,
      { BILT_ENGINE_DATA_DIR: '/data/bilt' },
    );
  });

  it('the live service: BILT_URL and a keychain token command, never a token', () => {
    const j = parse(
      mcpConfigJson({ bridgePath, server: { kind: 'remote', url: 'https://mcp.bilt.me/mcp' }, platform: 'darwin' }),
    );
    assert.deepEqual(j.mcpServers.bilt!.env, {
      BILT_URL: 'https://mcp.bilt.me/mcp',
      BILT_TOKEN_COMMAND: 'security find-generic-password -w -s bilt',
    });
    assert.ok(!JSON.stringify(j).includes('BILT_TOKEN"'));
  });

  it('other servers get their own name and secret-store entry', () => {
    const url = 'https://bilt.corp.example:8443/mcp';
    assert.equal(tokenService(url), 'bilt-bilt.corp.example-8443');
    const j = parse(mcpConfigJson({ bridgePath, server: { kind: 'remote', url }, platform: 'linux' }));
    assert.deepEqual(Object.keys(j.mcpServers), ['bilt-bilt.corp.example-8443']);
    assert.equal(
      j.mcpServers['bilt-bilt.corp.example-8443']!.env!.BILT_TOKEN_COMMAND,
      'secret-tool lookup service bilt-bilt.corp.example-8443',
    );
  });

  it('token commands and set-up hints per platform; Windows gets a visible placeholder', () => {
    assert.equal(tokenCommand('linux', 'bilt'), 'secret-tool lookup service bilt');
    assert.match(tokenCommand('win32', 'bilt'), /^REPLACE /);
    assert.equal(tokenSetupHint('darwin', 'bilt'), 'security add-generic-password -s bilt -a "$USER" -w');
    assert.equal(tokenSetupHint('linux', 'bilt'), 'secret-tool store --label=Bilt service bilt');
    assert.equal(tokenSetupHint('win32', 'bilt'), undefined);
  });

  it('paths with spaces and backslashes stay one argument, escaped as JSON', () => {
    const win = 'C:\\Users\\Me Too\\bilt\\dist\\bridge.js';
    const text = mcpConfigJson({ bridgePath: win, server: { kind: 'local' }, platform: 'win32' });
    assert.ok(text.includes('C:\\\\Users\\\\Me Too'));
    assert.deepEqual(parse(text).mcpServers.bilt!.args, [win]);
  });
});
