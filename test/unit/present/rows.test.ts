import assert from 'node:assert/strict';
import { BiltError } from '../../../src/core/errors';
import { WORKFLOW_STATUSES } from '../../../src/core/status';
import {
  errorRow,
  md,
  progressWords,
  projectRow,
  sessionRow,
  sessionWords,
  workflowRow,
  workflowTokens,
} from '../../../src/present/rows';
import { serverRow } from '../../../src/present/serverRows';
import { entry, NOW, snapshot, view, workflow } from './fixtures';

const tokens = (w = workflow()) => workflowTokens(w);

describe('present/rows: tree rows and their menu tokens', () => {
  it('cancelable only for pending, running and paused', () => {
    for (const status of WORKFLOW_STATUSES) {
      assert.equal(
        tokens(workflow({ status })).includes('cancelable'),
        ['pending', 'running', 'paused'].includes(status),
        status,
      );
    }
  });

  it('resumable for a paused workflow without questions and for an interrupted failure', () => {
    assert.ok(tokens(workflow({ status: 'paused', pause: { type: 'secrets' } })).includes('resumable'));
    assert.ok(tokens(workflow({ status: 'failed', interrupted: true })).includes('resumable'));
    assert.ok(!tokens(workflow({ status: 'failed' })).includes('resumable'));
    assert.ok(!tokens(workflow({ status: 'cancelled', interrupted: true })).includes('resumable'));
    assert.ok(
      !tokens(workflow({ status: 'paused', pause: { type: 'questions', questions: [] } })).includes('resumable'),
    );
  });

  it('answerable only for a pause with questions', () => {
    assert.ok(
      tokens(workflow({ status: 'paused', pause: { type: 'questions', questions: [] } })).includes('answerable'),
    );
    assert.ok(!tokens(workflow({ status: 'paused', pause: { type: 'supabase' } })).includes('answerable'));
    assert.ok(!tokens(workflow({ status: 'running' })).includes('answerable'));
  });

  it('can-send only when no workflow is active; has-url when there is a result url', () => {
    for (const status of WORKFLOW_STATUSES) {
      assert.equal(
        tokens(workflow({ status })).includes('can-send'),
        !['pending', 'running', 'paused'].includes(status),
        status,
      );
    }
    assert.deepEqual(workflowTokens(undefined), ['status-idle', 'can-send']);
    assert.ok(tokens(workflow({ result: { url: 'https://x.example' } })).includes('has-url'));
    assert.ok(!tokens().includes('has-url'));
  });

  it('rows start with their kind, so the menus can match ^project, ^session, ^workflow, ^server', () => {
    assert.match(
      projectRow('local', entry({}, [workflow({ status: 'running' })]), NOW).contextValue,
      /^project status-running cancelable\b/,
    );
    assert.match(sessionRow('local', view([workflow()]), NOW).contextValue, /^session\b.*\bcan-send\b/);
    assert.match(workflowRow('local', workflow(), NOW).contextValue, /^workflow\b/);
    assert.match(serverRow(snapshot()).contextValue, /^server local signed-in ready can-create$/);
    assert.match(
      serverRow(snapshot({ id: 'https://mcp.bilt.me/mcp', status: { state: 'signed-out' }, projects: undefined }))
        .contextValue,
      /^server remote signed-out/,
    );
    assert.equal(errorRow('x', 'boom').contextValue, 'error');
  });

  it('descriptions carry progress while active and the age once ended', () => {
    const w = workflow({ status: 'running', progress: { percentage: 40.4, currentStep: 'Building' } });
    assert.equal(progressWords(w), '40% Building');
    assert.equal(progressWords(workflow({ progress: { percentage: 100 } })), undefined);
    assert.equal(sessionWords(view([w]), NOW), 'running · 40% Building');
    assert.equal(sessionWords(view([workflow()]), NOW), 'completed 50 s ago');
    assert.equal(sessionWords(undefined, NOW), 'idle');
    assert.equal(workflowRow('local', w, NOW).description, 'running · 40% Building');
    assert.equal(workflowRow('local', workflow(), NOW).description, 'completed · 1 min 0 s');
    assert.equal(projectRow('local', entry(), NOW).description, undefined);
  });

  it('server rows say how many projects and when the data is cached or the server is not usable', () => {
    assert.equal(serverRow(snapshot({ projects: [entry()] })).description, '1 project');
    assert.equal(serverRow(snapshot({ projects: [], stale: true })).description, '0 projects · cached');
    assert.equal(serverRow(snapshot({ status: { state: 'rate-limited', retryAt: NOW } })).description, 'rate limited');
    const error = new BiltError('unavailable', 'Cannot reach x through proxy http://p:3128 (http.proxy): ECONNREFUSED');
    const cached = serverRow(snapshot({ projects: [entry()], status: { state: 'unreachable', error, retryAt: NOW } }));
    assert.equal(cached.description, 'unreachable');
    assert.ok(cached.tooltip.endsWith(`  \n${md(error.message)}`), 'the tooltip says why, while cached projects show');
  });

  it('tooltips mention the error, the result and the cancel reason', () => {
    assert.match(
      workflowRow('local', workflow({ status: 'failed', error: 'npm install failed' }), NOW).tooltip,
      /Error: npm install failed/,
    );
    assert.match(
      workflowRow('local', workflow({ result: { url: 'https://app.example' } }), NOW).tooltip,
      /Result: https:\/\/app\.example/,
    );
    assert.match(
      workflowRow('local', workflow({ status: 'cancelled', cancelReason: 'changed my mind' }), NOW).tooltip,
      /Cancelled: changed my mind/,
    );
    assert.match(
      workflowRow(
        'local',
        workflow({
          status: 'paused',
          pause: {
            type: 'questions',
            questions: [{ question: 'q', options: [], multiSelect: false, allowText: true }],
          },
        }),
        NOW,
      ).tooltip,
      /answers to 1 question/,
    );
  });

  it('markdown in names and messages is escaped in tooltips', () => {
    const p = projectRow('local', entry({ name: 'a_b', description: '**bold** [x](y)' }), NOW).tooltip;
    assert.match(p, /a\\_b/);
    assert.match(p, /\\\*\\\*bold\\\*\\\* \\\[x\\\]\\\(y\\\)/);
    assert.match(workflowRow('local', workflow({ message: 'use `rm`' }), NOW).tooltip, /use \\`rm\\`/);
    assert.equal(errorRow('x', '<b>').tooltip, '\\<b\\>');
  });

  it('long messages are cut to one line in labels', () => {
    const r = workflowRow('local', workflow({ message: `line one\nline two ${'x'.repeat(100)}` }), NOW);
    assert.ok(r.label.length <= 60);
    assert.ok(r.label.endsWith('…'));
    assert.ok(!r.label.includes('\n'));
  });
});
