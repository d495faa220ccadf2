import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { tokenFromEnv, upstreamFromEnv } from '../../../src/mcp/bridge/upstream';
import { tempDir } from '../../support/tmp';

describe('bridge upstream: where the token comes from', () => {
  it('prefers BILT_TOKEN, then a token file, then a command (e.g. a keychain lookup)', () => {
    const file = path.join(tempDir(), 'token');
    writeFileSync(file, 'bilt_live_from_file\n', { mode: 0o600 });
    assert.equal(tokenFromEnv({ BILT_TOKEN: 'bilt_live_env', BILT_TOKEN_FILE: file }), 'bilt_live_env');
    assert.equal(tokenFromEnv({ BILT_TOKEN_FILE: file, BILT_TOKEN_COMMAND: 'echo nope' }), 'bilt_live_from_file');
    assert.equal(tokenFromEnv({ BILT_TOKEN_COMMAND: 'printf "bilt_live_from_command\\n"' }), 'bilt_live_from_command');
    assert.equal(tokenFromEnv({}), undefined);
  });

  it("uses no token for the local engine (it reads the engine's own from the discovery file)", () => {
    const local = upstreamFromEnv(
      { BILT_TOKEN: 'bilt_live_x', BILT_ENGINE_DATA_DIR: '/tmp/x' },
      '/dist/engine.js',
      () => undefined,
    );
    assert.deepEqual([local.url, local.token, local.dataDir], [undefined, undefined, '/tmp/x']);
    const remote = upstreamFromEnv(
      { BILT_URL: 'https://mcp.bilt.me/mcp', BILT_TOKEN: 'bilt_live_x' },
      '/dist/engine.js',
      () => undefined,
    );
    assert.deepEqual([remote.url, remote.token], ['https://mcp.bilt.me/mcp', 'bilt_live_x']);
  });
});
