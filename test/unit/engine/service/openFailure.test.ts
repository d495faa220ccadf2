/** An engine refused at open (its log holds a record it does not understand) leaves no file open. */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Engine } from '../../../../src/engine/engine';
import { ScriptedAgent } from '../../../support/scriptedAgent';
import { tempDir } from '../../../support/tmp';

const openFiles = () => readdirSync('/proc/self/fd').length;

(process.platform === 'linux' ? describe : describe.skip)('engine: a log refused at open', () => {
  it('throws, and closes the files recovery opened', async () => {
    const dataDir = tempDir();
    mkdirSync(path.join(dataDir, 'state'), { recursive: true });
    writeFileSync(path.join(dataDir, 'state', 'log-0000000000000001.jsonl'), '{"seq":1,"type":"from.the.future"}\n');
    const before = openFiles();
    for (let i = 0; i < 5; i++) {
      await assert.rejects(
        Engine.open({ dataDir, agent: new ScriptedAgent() }),
        /state log record 1 is not understood/,
      );
    }
    assert.equal(openFiles(), before, 'no file descriptor outlives a refused open');
  });
});
