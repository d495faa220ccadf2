/** A data dir an engine before format 2 wrote opens, and is migrated; damaged state is refused with how to repair it. */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Engine } from '../../../../src/engine/engine';
import { DamagedStateError } from '../../../../src/engine/service/openState';
import { encodeLine } from '../../../../src/engine/store/framing';
import { ScriptedAgent } from '../../../support/scriptedAgent';
import { tempDir } from '../../../support/tmp';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 10, 0, s)).toISOString();
const P = '11111111-1111-4111-8111-111111111111';
const S1 = '22222222-2222-4222-8222-222222222222';
const S2 = '33333333-3333-4333-8333-333333333333';
const W1 = '44444444-4444-4444-8444-444444444444';
const message = (n: number, sessionId: string, seq: number, text: string) => ({
  id: `55555555-5555-4555-8555-${String(n).padStart(12, '0')}`,
  sessionId,
  workflowId: n <= 2 ? W1 : null,
  seq,
  side: n === 1 ? 'user' : 'ai',
  variant: 'info',
  text,
  createdAt: at(n),
});
const workflow = {
  ...{ id: W1, sessionId: S1, projectId: P, status: 'completed', message: 'build', progress: null, pause: null },
  ...{ result: { url: 'https://old.test' }, error: null, cancelReason: null, interrupted: false },
  ...{ createdAt: at(1), startedAt: at(1), endedAt: at(2), updatedAt: at(2) },
};

/** What an engine before format 2 left: a one-line format-1 snapshot with the history inline, and plain segments. */
function writeFormat1(stateDir: string): void {
  mkdirSync(stateDir, { recursive: true });
  const snapshot = {
    version: 1,
    projects: [{ id: P, name: 'old', description: null, visibility: 'public', createdAt: at(0), updatedAt: at(0) }],
    sessions: [
      {
        id: S1,
        projectId: P,
        createdAt: at(0),
        updatedAt: at(2),
        workflowIds: [W1],
        messages: [message(1, S1, 1, 'build'), message(2, S1, 2, 'Workflow completed.')],
      },
    ],
    workflows: [workflow],
    userMessageTimes: { [P]: [Date.parse(at(1))] },
  };
  writeFileSync(path.join(stateDir, 'snapshot.json'), `${JSON.stringify({ format: 1, seq: 4, snapshot })}\n`);
  const records = [
    { seq: 5, type: 'message.appended', message: message(3, S1, 3, 'after the snapshot') },
    { seq: 6, type: 'session.created', session: { id: S2, projectId: P, createdAt: at(4) } },
    { seq: 7, type: 'message.appended', message: message(4, S2, 1, 'second session') },
  ];
  writeFileSync(
    path.join(stateDir, 'log-0000000000000005.jsonl'),
    records.map((r) => `${JSON.stringify(r)}\n`).join(''),
  );
}

describe('engine state: data dirs from before format 2, and damage', () => {
  it('opens a format-1 data dir, migrates it (history into an archive file), and reopens it the same', async () => {
    const dataDir = tempDir();
    const stateDir = path.join(dataDir, 'state');
    writeFormat1(stateDir);
    for (let round = 0; round < 2; round++) {
      const engine = await Engine.open({ dataDir, agent: new ScriptedAgent() });
      const svc = engine.service;
      assert.deepEqual(
        svc.messages(S1, 10).messages.map((m) => [m.seq, m.text]),
        [
          [3, 'after the snapshot'],
          [2, 'Workflow completed.'],
          [1, 'build'],
        ],
      );
      assert.deepEqual(
        svc.messagesAfter(S2, 0, 10).messages.map((m) => m.text),
        ['second session'],
      );
      assert.deepEqual(
        svc.workflows(S1).map((w) => [w.id, w.status, w.result?.url]),
        [[W1, 'completed', 'https://old.test']],
      );
      assert.equal((await svc.findSession({ projectId: P })).id, S2, 'the newest session is current');
      await engine.close();
      const files = readdirSync(stateDir);
      assert.ok(!files.some((n) => /^log-\d+\.jsonl$/.test(n)), `no plain segment left: ${files.join(' ')}`);
      assert.ok(files.some((n) => n.startsWith('archive-')));
      const header = JSON.parse(readFileSync(path.join(stateDir, 'snapshot.json'), 'utf8').split('\n')[0]!) as {
        format: number;
      };
      assert.equal(header.format, 2);
    }
  });

  it('refuses damaged state with a clear message: the file, the offset, what was found, and the repair command', async () => {
    const dataDir = tempDir();
    const stateDir = path.join(dataDir, 'state');
    mkdirSync(stateDir, { recursive: true });
    const line = (seq: number, name: string) =>
      encodeLine(
        seq,
        JSON.stringify({
          type: 'project.created',
          project: {
            id: `${P.slice(0, -1)}${seq}`,
            name,
            description: null,
            visibility: 'public',
            createdAt: at(seq),
            updatedAt: at(seq),
          },
        }),
      );
    const lines = [line(1, 'a'), line(2, 'b').replace('"b"', '"c"'), line(3, 'd')];
    const file = path.join(stateDir, 'log-0000000000000001.v2.jsonl');
    writeFileSync(file, lines.join(''));
    const err = await Engine.open({ dataDir, agent: new ScriptedAgent() }).then(
      () => assert.fail('the engine should not start'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof DamagedStateError, String(err));
    assert.ok(err.message.includes(file), err.message);
    assert.match(
      err.message,
      new RegExp(`damaged at byte offset ${Buffer.byteLength(lines[0]!)}: the checksum does not match`),
    );
    assert.match(err.message, /The engine did not start and changed nothing/);
    assert.match(err.message, /repair --data-dir "/);
  });
});
