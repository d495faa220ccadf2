import assert from 'node:assert/strict';
import { pageFor } from '../../../src/present/links';
import { workflow } from './fixtures';

describe('present/links: the page "Open in Browser" opens', () => {
  const done = workflow({ id: 'w1', result: { url: 'https://habit.example.app' } });
  const later = workflow({ id: 'w2', status: 'failed' });

  it('a workflow: its result', () => {
    assert.equal(
      pageFor({ projectId: 'p1', workflows: [later, done], workflowId: 'w1', onLiveBilt: false }),
      'https://habit.example.app',
    );
    assert.equal(
      pageFor({ projectId: 'p1', workflows: [later, done], workflowId: 'w2', onLiveBilt: false }),
      undefined,
    );
  });

  it('a project: the newest result, or the page where its paused workflow waits', () => {
    assert.equal(
      pageFor({ projectId: 'p1', workflows: [later, done], onLiveBilt: false }),
      'https://habit.example.app',
    );
    const paused = workflow({
      id: 'w3',
      status: 'paused',
      pause: { type: 'secrets', projectUrl: 'https://app.bilt.me/agent/p1/secrets' },
    });
    assert.equal(
      pageFor({ projectId: 'p1', workflows: [paused, done], onLiveBilt: false }),
      'https://app.bilt.me/agent/p1/secrets',
    );
  });

  it('on the live Bilt service, the app page when there is no result yet; elsewhere nothing', () => {
    assert.equal(pageFor({ projectId: 'p 1', workflows: [], onLiveBilt: true }), 'https://app.bilt.me/agent/p%201');
    assert.equal(
      pageFor({ projectId: 'p1', workflows: [later], workflowId: 'w2', onLiveBilt: true }),
      'https://app.bilt.me/agent/p1',
    );
    assert.equal(pageFor({ projectId: 'p1', workflows: [], onLiveBilt: false }), undefined);
  });

  it('the local builder’s app, served by the engine on loopback: the workflow’s and the project’s page', () => {
    const app = 'http://127.0.0.1:41234/apps/0a43850f-9895-4b15-af6d-c4f3896ce1cd/';
    const built = workflow({ id: 'w4', result: { url: app } });
    assert.equal(pageFor({ projectId: 'p1', workflows: [built], workflowId: 'w4', onLiveBilt: false }), app);
    assert.equal(pageFor({ projectId: 'p1', workflows: [later, built, done], onLiveBilt: false }), app);
  });

  it('only http(s) addresses are ever opened', () => {
    const evil = workflow({ result: { url: 'command:workbench.action.terminal.new' } });
    assert.equal(pageFor({ projectId: 'p1', workflows: [evil], onLiveBilt: false }), undefined);
    assert.equal(
      pageFor({
        projectId: 'p1',
        workflows: [workflow({ result: { url: 'file:///etc/passwd' } })],
        workflowId: 'w1',
        onLiveBilt: false,
      }),
      undefined,
    );
  });
});
