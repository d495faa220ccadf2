import assert from 'node:assert/strict';
import { logHeader, logLine, transcriptJson, transcriptMarkdown } from '../../../src/present/transcript';
import { message, project, workflow } from './fixtures';

describe('present/transcript: log lines and exported transcripts', () => {
  it('a log line has the time, who spoke, the variant and continuation lines indented', () => {
    assert.equal(
      logLine(message(13, { side: 'user', text: 'Add a login screen' })),
      '10:42:13  you   Add a login screen',
    );
    assert.equal(
      logLine(message(15, { variant: 'log', text: 'Compiling\n42 modules' })),
      '10:42:15  bilt  [log] Compiling\n                42 modules',
    );
  });

  it('the header says how many earlier messages are not shown', () => {
    assert.equal(logHeader(project(), 's1', 10, 10), 'Bilt · habit-tracker · session s1');
    assert.equal(
      logHeader(project(), 's1', 500, 501),
      'Bilt · habit-tracker · session s1\n… 1 earlier message not shown (Bilt: Export Transcript has them all)',
    );
    assert.match(logHeader(project(), 's1', 500, 700), /200 earlier messages/);
  });

  it('markdown is grouped by workflow with its status, and code in logs cannot break out', () => {
    const wfs = [workflow({ id: 'w2', status: 'running' }), workflow({ id: 'w1' })];
    const md = transcriptMarkdown(project(), 's1', wfs, [
      message(1, { side: 'user', text: 'first' }),
      message(2, { text: 'ok' }),
      message(3, { workflowId: 'w2', variant: 'log', text: 'ran `ls`' }),
      message(4, { workflowId: null, text: 'line 1\nline 2' }),
    ]);
    assert.match(md, /^# habit-tracker\n\nSession `s1` · 4 messages · exported /);
    assert.equal(md.match(/^## /gm)?.length, 3);
    assert.match(md, /## Workflow w1 — completed\n\n- \S+ \*\*You\*\*: first\n- \S+ \*\*Bilt\*\*: ok/);
    assert.match(md, /## Workflow w2 — running\n\n- \S+ \*\*Bilt\*\* _log_: `ran 'ls'`/);
    assert.match(md, /## Workflow \(none\)\n\n- \S+ \*\*Bilt\*\*: line 1\n {2}line 2\n$/);
  });

  it('JSON has the project, the workflows and every message, and parses back', () => {
    const msgs = [message(1), message(2)];
    const j = JSON.parse(transcriptJson(project(), 's1', [workflow()], msgs));
    assert.equal(j.project.name, 'habit-tracker');
    assert.equal(j.sessionId, 's1');
    assert.equal(j.workflows.length, 1);
    assert.deepEqual(j.messages, msgs);
    assert.ok(!Number.isNaN(Date.parse(j.exportedAt)));
  });
});
