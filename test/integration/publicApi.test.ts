/** The public extension API, version 1, as another extension gets it from `vscode.extensions`. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BiltApi, BiltSessionChange } from '../../src/ui/publicApi';
import { EXTENSION_ID, api, entry, until, useTestScenario } from './support';

describe('the public API in a real VS Code', function () {
  this.timeout(60_000);
  before(() => useTestScenario());

  it('lists servers and sessions, reports state changes, and sends and cancels through the actions', async () => {
    const a = await api();
    const bilt = vscode.extensions.getExtension<BiltApi>(EXTENSION_ID)!.exports;
    assert.equal(bilt.version, 1);
    assert.ok(bilt.servers().some((s) => s.id === 'local' && s.state === 'ready'));
    const project = a.store.snapshot('local')!.projects![0]!.project;
    await entry(a, project.id);
    await until(() => bilt.sessions().find((s) => s.projectId === project.id), 'the session in the API');
    const target = { serverId: 'local', projectId: project.id };
    const changes: BiltSessionChange[] = [];
    const sub = bilt.onDidChangeSession((c) => c.session.projectId === project.id && changes.push(c));
    try {
      const latest = bilt.sessions().find((s) => s.projectId === project.id)!;
      if (['pending', 'running', 'paused'].includes(latest.status)) {
        await bilt.cancel(target, 'clearing the way for the API test');
      }
      const sent = await bilt.send(target, 'Built from another extension');
      assert.equal(sent.ok, true);
      await until(() => changes.some((c) => ['running', 'paused'].includes(c.session.status)), 'a state change event');
      const refused = await bilt.send(target, 'A second one at once');
      assert.deepEqual(refused.ok ? undefined : [refused.code, /already in progress/.test(refused.reason)], [
        'conflict',
        true,
      ]);
      const cancelled = await bilt.cancel(target, 'API test over');
      assert.equal(cancelled.ok, true);
      await until(() => changes.some((c) => c.session.status === 'cancelled'), 'the cancelled event');
    } finally {
      sub.dispose();
    }
  });
});
