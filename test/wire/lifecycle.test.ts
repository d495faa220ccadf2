/**
 * The engine as a process: ready line, discovery file, one engine per data dir, clean shutdown, stale
 * locks, the token from the environment, status/stop, and command-line errors.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runEngine, startEngine } from '../support/engineProcess';
import { tempDir } from '../support/tmp';

describe('engine process lifecycle', function () {
  this.timeout(30_000);

  it('prints one ready line, writes the same to a 0600 discovery file, binds 127.0.0.1 only', async () => {
    const dataDir = tempDir();
    const e = await startEngine(['--data-dir', dataDir, '--speed', '0']);
    try {
      const { ready } = e;
      assert.match(ready.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.equal(ready.mcpUrl, `${ready.url}/mcp`);
      assert.equal(ready.liveMcpUrl, `${ready.url}/live/mcp`);
      assert.equal(ready.pid, e.child.pid);
      assert.ok(ready.token.length >= 32);
      const file = path.join(dataDir, 'engine.json');
      assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), ready);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.ok(!e.stderr().includes(ready.token), 'the token is never logged');
      const info = await fetch(`${ready.url}/engine/info`, { headers: { authorization: `Bearer ${ready.token}` } });
      assert.equal(((await info.json()) as { pid: number }).pid, ready.pid);
    } finally {
      assert.equal(await e.stop('SIGTERM'), 0);
    }
    assert.ok(!existsSync(path.join(dataDir, 'engine.json')), 'discovery file removed on shutdown');
    assert.ok(!existsSync(path.join(dataDir, 'engine.lock')), 'lock released on shutdown');
  });

  it('a second start on the same data dir reports the running engine and exits 0', async () => {
    const dataDir = tempDir();
    const e = await startEngine(['--data-dir', dataDir]);
    try {
      const second = runEngine(['serve', '--data-dir', dataDir]);
      const line = JSON.parse(await second.firstLine) as { pid: number; url: string; alreadyRunning: boolean };
      assert.equal(await second.exited, 0);
      assert.deepEqual([line.pid, line.url, line.alreadyRunning], [e.ready.pid, e.ready.url, true]);
    } finally {
      await e.stop();
    }
  });

  it('takes over a stale lock after a SIGKILL, with the token from BILT_ENGINE_TOKEN', async () => {
    const dataDir = tempDir();
    const first = await startEngine(['--data-dir', dataDir]);
    first.child.kill('SIGKILL');
    await first.exited;
    assert.ok(existsSync(path.join(dataDir, 'engine.lock')), 'a killed engine leaves its lock');
    const token = 'bilt_local_test_token_0123456789abcdef';
    const second = await startEngine(['--data-dir', dataDir], { BILT_ENGINE_TOKEN: token });
    try {
      assert.equal(second.ready.token, token);
      assert.notEqual(second.ready.pid, first.ready.pid);
      const ok = await fetch(`${second.ready.url}/engine/info`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(ok.status, 200);
      const old = await fetch(`${second.ready.url}/engine/info`, {
        headers: { authorization: `Bearer ${first.ready.token}` },
      });
      assert.equal(old.status, 401);
    } finally {
      await second.stop();
    }
  });

  it('a garbage lock file does not block a start', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'engine.lock'), 'not a pid');
    const e = await startEngine(['--data-dir', dataDir]);
    await e.stop();
  });

  it('status and stop find the engine through the discovery file', async () => {
    const dataDir = tempDir();
    const e = await startEngine(['--data-dir', dataDir]);
    const status = runEngine(['status', '--data-dir', dataDir]);
    const s = JSON.parse(await status.firstLine) as { pid: number; token: string };
    assert.equal(await status.exited, 0);
    assert.equal(s.pid, e.ready.pid);
    assert.ok(!s.token.includes(e.ready.token), 'status does not print the token');
    const stop = runEngine(['stop', '--data-dir', dataDir]);
    assert.equal(await stop.exited, 0);
    assert.equal(await e.exited, 0);
    const after = runEngine(['status', '--data-dir', dataDir]);
    assert.equal(await after.exited, 1);
  });

  it('bad command lines exit 2 naming the flag and the rule', async () => {
    for (const [args, pattern] of [
      [['serve', '--port', '70000'], /--port must be a whole number from 0 to 65535 \(got "70000"\)/],
      [['serve', '--bogus'], /Unknown option '--bogus'/],
      [['launch'], /unknown command "launch"/],
      [['serve', '--agent', 'nope', '--data-dir', tempDir()], /nope/],
    ] as const) {
      const r = runEngine([...args]);
      const code = await r.exited;
      assert.match(r.stderr(), pattern, r.stderr());
      assert.notEqual(code, 0);
    }
  });
});
