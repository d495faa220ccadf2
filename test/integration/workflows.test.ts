/**
 * The extension against a real local engine, through its commands and its tree: create a project, send
 * a message, answer the workflow's question, watch it complete; cancel; resume an interrupted one.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BiltExtensionApi } from '../../src/extension';
import type { Node } from '../../src/ui/tree/nodes';
import { api, createProject, entry, latest, uniqueName, until, useTestScenario } from './support';

function item(a: BiltExtensionApi, node: Node): vscode.TreeItem {
  return a.view.provider.getTreeItem(node) as vscode.TreeItem;
}

async function children(a: BiltExtensionApi, node?: Node): Promise<Node[]> {
  return (await a.view.provider.getChildren(node)) ?? [];
}

describe('Bilt against a real local engine', function () {
  this.timeout(60_000);
  let a: BiltExtensionApi;
  before(async () => {
    a = await api();
    await useTestScenario();
  });

  it('the tree shows the project, its session and its state', async () => {
    const name = uniqueName('tree');
    const id = await createProject(name);
    await entry(a, id);
    const roots = await children(a);
    const projectNode = await until(
      async () => (await children(a)).find((n) => n.kind === 'project' && n.projectId === id),
      'the project row',
    );
    assert.ok(roots.length > 0);
    const row = item(a, projectNode);
    assert.equal(row.label, name);
    assert.match(String(row.contextValue), /^project\b.*\bcan-send\b/);
    const [sessionNode] = await children(a, projectNode);
    assert.equal(sessionNode?.kind, 'session');
    assert.equal(item(a, sessionNode!).description, 'idle');
  });

  it('send → running → needs an answer (badge) → answer → completed, streamed to the session log', async () => {
    const id = await createProject(uniqueName('send'));
    await entry(a, id);
    const logged: string[] = [];
    const sub = a.logs.onDidAppend((e) => logged.push(...e.lines));
    try {
      const workflowId = await vscode.commands.executeCommand<string>(
        'bilt.sendMessage',
        { serverId: 'local', projectId: id },
        'Build a todo app',
      );
      assert.ok(workflowId);
      await until(
        async () => latest(await entry(a, id))?.status === 'running' || latest(await entry(a, id))?.status === 'paused',
        'running',
      );
      await until(async () => latest(await entry(a, id))?.pause?.type === 'questions', 'the question');
      await until(() => (a.view.tree.badge?.value ?? 0) >= 1, 'the badge to count the session that needs the user');
      const projectNode = (await children(a)).find((n) => n.kind === 'project' && n.projectId === id)!;
      assert.match(String(item(a, projectNode).contextValue), /\banswerable\b/);
      const status = await vscode.commands.executeCommand<string>(
        'bilt.answerQuestions',
        { serverId: 'local', projectId: id },
        [{ questionIndex: 0, selectedOptions: ['Web'] }],
      );
      assert.equal(status, 'running');
      const done = await until(
        async () => (latest(await entry(a, id))?.status === 'completed' ? latest(await entry(a, id)) : undefined),
        'completed',
      );
      assert.match(String(done!.result?.url), /vscode\.test/);
      await until(() => logged.some((l) => l.includes('Deployed')), 'the log to show the deployment');
      assert.ok(
        logged.some((l) => l.includes('you') && l.includes('Build a todo app')),
        'the log shows the user message',
      );
    } finally {
      sub.dispose();
    }
  });

  it('sends a multi-line message composed in an editor, counting its characters', async () => {
    const name = uniqueName('compose');
    const id = await createProject(name);
    await entry(a, id);
    await a.composer.open({ serverId: 'local', projectId: id }, name, 'Line one\nLine two');
    assert.equal(a.composer.active()?.text, 'Line one\nLine two');
    const workflowId = await vscode.commands.executeCommand<string>('bilt.sendMessage');
    assert.ok(workflowId, 'sending from the editor returned the workflow id');
    const w = await until(async () => latest(await entry(a, id)), 'the workflow');
    assert.equal(w.message, 'Line one\nLine two');
    assert.equal(a.composer.active(), undefined, 'the draft is gone after sending');
    await vscode.commands.executeCommand('bilt.cancelWorkflow', { serverId: 'local', projectId: id }, 'test over');
  });

  it('cancels a running workflow with a reason', async () => {
    const id = await createProject(uniqueName('cancel'));
    await entry(a, id);
    await vscode.commands.executeCommand(
      'bilt.sendMessage',
      { serverId: 'local', projectId: id },
      'Build something to cancel',
    );
    await until(async () => latest(await entry(a, id))?.status === 'paused', 'the workflow to wait for its answer');
    const r = await vscode.commands.executeCommand<string>(
      'bilt.cancelWorkflow',
      { serverId: 'local', projectId: id },
      'changed my mind',
    );
    assert.equal(r, 'cancelled');
    const w = await until(
      async () => (latest(await entry(a, id))?.status === 'cancelled' ? latest(await entry(a, id)) : undefined),
      'cancelled',
    );
    assert.equal(w!.status, 'cancelled');
    const projectNode = (await children(a)).find((n) => n.kind === 'project' && n.projectId === id)!;
    assert.doesNotMatch(String(item(a, projectNode).contextValue), /\bcancelable\b/);
  });

  it('resumes a workflow interrupted by an engine restart', async () => {
    const id = await createProject(uniqueName('resume'));
    await entry(a, id);
    await vscode.commands.executeCommand(
      'bilt.sendMessage',
      { serverId: 'local', projectId: id },
      'Build and survive a restart',
    );
    await until(async () => latest(await entry(a, id))?.status === 'paused', 'the question');
    await vscode.commands.executeCommand('bilt.answerQuestions', { serverId: 'local', projectId: id }, [
      { questionIndex: 0, selectedOptions: ['iOS'] },
    ]);
    await until(async () => latest(await entry(a, id))?.progress?.currentStep === 'Building', 'the build step');
    await vscode.commands.executeCommand('bilt.restartLocalEngine', undefined, true);
    const w = await until(
      async () => (latest(await entry(a, id))?.status === 'failed' ? latest(await entry(a, id)) : undefined),
      `the interruption (store: ${JSON.stringify(a.store.snapshot('local')?.status)})`,
    ).catch(async (e: Error) => {
      throw new Error(
        `${e.message}; last status ${latest(await entry(a, id))?.status}, server ${JSON.stringify(a.store.snapshot('local')?.status)}`,
      );
    });
    assert.equal(w!.interrupted, true);
    const status = await vscode.commands.executeCommand<string>('bilt.resumeWorkflow', {
      serverId: 'local',
      projectId: id,
    });
    assert.ok(status === 'pending' || status === 'running', `resume gave ${status}`);
    await until(async () => ['running', 'paused'].includes(String(latest(await entry(a, id))?.status)), 'the re-run');
    await vscode.commands.executeCommand('bilt.cancelWorkflow', { serverId: 'local', projectId: id }, 'test over');
  });
});
