/**
 * Starting over a data dir left in a bad state: a lock whose pid now belongs to another process (the
 * engine died and the pid was reused), and a data dir others can read (defects 4 and 12 of the fault
 * suite, docs/RELIABILITY.md).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startEngine } from '../support/engineProcess';
import { tempDir } from '../support/tmp';

const posix = process.platform !== 'win32';

/** A live process that is not an engine, standing for whatever got the dead engine's pid. */
function unrelatedProcess(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
}

describe('engine start over a data dir left in a bad state', function () {
  this.timeout(30_000);
  const others: ChildProcess[] = [];
  after(() => others.forEach((p) => p.kill('SIGKILL')));

  it('a lock whose pid now runs another program (pid only, as older engines wrote it) does not block', async () => {
    const dataDir = tempDir();
    const other = unrelatedProcess();
    others.push(other);
    writeFileSync(path.join(dataDir, 'engine.lock'), `${other.pid}\n`);
    const e = await startEngine(['--data-dir', dataDir, '--speed', '0']);
    try {
      assert.equal(e.ready.alreadyRunning, undefined, 'this engine serves the dir');
      const lock = readFileSync(path.join(dataDir, 'engine.lock'), 'utf8').split('\n');
      assert.equal(lock[0], String(e.ready.pid));
      if (process.platform === 'linux') {
        assert.match(lock[1] ?? '', /.+:\d+$/, 'the lock records the owner start time');
      }
    } finally {
      await e.stop();
    }
  });

  it('a lock naming a live pid with another start time does not block', async () => {
    const dataDir = tempDir();
    const other = unrelatedProcess();
    others.push(other);
    writeFileSync(path.join(dataDir, 'engine.lock'), `${other.pid}\nsome-boot:123\n`);
    const e = await startEngine(['--data-dir', dataDir, '--speed', '0']);
    await e.stop();
  });

  (posix ? it : it.skip)(
    'an existing data dir readable by others is made 0700; a new one is created 0700',
    async () => {
      const parent = tempDir();
      const existing = path.join(parent, 'open');
      mkdirSync(existing);
      chmodSync(existing, 0o755);
      const e = await startEngine(['--data-dir', existing, '--speed', '0']);
      try {
        assert.equal(statSync(existing).mode & 0o777, 0o700);
        assert.match(e.stderr(), /data dir .* was readable by others \(mode 755\); it is now 700/);
      } finally {
        await e.stop();
      }
      const fresh = path.join(parent, 'new', 'engine');
      const second = await startEngine(['--data-dir', fresh, '--speed', '0']);
      await second.stop();
      assert.equal(statSync(fresh).mode & 0o777, 0o700);
    },
  );
});
