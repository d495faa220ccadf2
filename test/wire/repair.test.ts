/**
 * Defect 7 through the real binary: a damaged record in the middle of the log stops `serve` with a
 * clear message (no stack trace) that names the file, the offset, what was found and the command that
 * recovers; `repair` moves the damaged bytes aside and keeps every valid record; the engine then starts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ENGINE_JS, startEngine } from '../support/engineProcess';
import { TestMcp } from '../support/mcpClient';
import { tempDir } from '../support/tmp';

const run = (args: string[]) =>
  spawnSync(process.execPath, [ENGINE_JS, ...args], { encoding: 'utf8', timeout: 30_000 });

interface Page {
  messages: Array<{ message: string }>;
  total: number;
}

describe('repair: a damaged log is reported clearly and recovered', function () {
  this.timeout(60_000);

  it('serve refuses with the file, the offset and the repair command; repair keeps every valid record', async () => {
    const dataDir = tempDir();
    let engine = await startEngine(['--data-dir', dataDir, '--agent', 'emulator', '--speed', '0']);
    let mcp = await TestMcp.connect(engine.ready.mcpUrl, engine.ready.token);
    const project = await mcp.call<{ id: string }>('bilt_create_project', { name: 'before' });
    const session = await mcp.call<{ session_id: string }>('bilt_get_session', { project_id: project.id });
    await mcp.call('bilt_send_message', {
      session_id: session.session_id,
      message: 'build it',
      wait_for_response: true,
    });
    const before = await mcp.call<Page>('bilt_get_messages', { session_id: session.session_id, limit: 100 });
    await mcp.close();
    assert.equal(await engine.stop(), 0);

    // change one letter of a message in the middle of the log: still valid JSON, no longer the record written
    const stateDir = path.join(dataDir, 'state');
    const segment = path.join(
      stateDir,
      readdirSync(stateDir).find((n) => n.endsWith('.v2.jsonl'))!,
    );
    const lines = readFileSync(segment, 'utf8').split('\n');
    const victim = lines.findIndex((l) => l.includes('"message.appended"') && l.includes('"side":"ai"'));
    assert.ok(victim > 0 && victim < lines.length - 2, 'a message in the middle');
    const text = /"text":"(.)/.exec(lines[victim]!)!;
    lines[victim] = lines[victim]!.replace(text[0], `"text":"${text[1] === 'X' ? 'Y' : 'X'}`);
    writeFileSync(segment, lines.join('\n'));
    const offset = Buffer.byteLength(lines.slice(0, victim).join('\n')) + 1;

    const refused = run(['serve', '--data-dir', dataDir]);
    assert.equal(refused.status, 1, refused.stderr);
    assert.ok(refused.stderr.includes(`${segment} is damaged at byte offset ${offset}`), refused.stderr);
    assert.match(
      refused.stderr,
      /the checksum does not match \(stated "[0-9a-f]{8}", computed "[0-9a-f]{8}"\); found "\{\\"seq\\":\d+,/,
    );
    assert.match(refused.stderr, /repair --data-dir/);
    assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');

    const repaired = run(['repair', '--data-dir', dataDir]);
    assert.equal(repaired.status, 0, repaired.stderr);
    assert.match(repaired.stdout, new RegExp(`moved aside \\d+ bytes at byte offset ${offset} of `));
    assert.match(repaired.stdout, /repaired: .* opens now/);
    assert.equal(readdirSync(path.join(stateDir, 'damaged')).filter((n) => n.endsWith('.bin')).length, 1);

    engine = await startEngine(['--data-dir', dataDir, '--agent', 'emulator', '--speed', '0']);
    try {
      mcp = await TestMcp.connect(engine.ready.mcpUrl, engine.ready.token);
      const { projects } = await mcp.call<{ projects: Array<{ name: string }> }>('bilt_list_projects');
      assert.deepEqual(
        projects.map((p) => p.name),
        ['before'],
      );
      const after = await mcp.call<Page>('bilt_get_messages', { session_id: session.session_id, limit: 100 });
      assert.equal(after.total, before.total - 1, 'every message but the damaged one');
      const busy = run(['repair', '--data-dir', dataDir]);
      assert.equal(busy.status, 1);
      assert.match(busy.stderr, /is using .*: stop it first/);
      await mcp.close();
    } finally {
      await engine.stop();
    }
  });
});
