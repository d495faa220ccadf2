/**
 * Mute and watch, read and unread, and finished work out of the way, in a real VS Code: a workflow that
 * ends while nobody looked is unread (a dot, counted in the badge) until its row is opened; a project's
 * notification level is shown and changed from its menu; "hide finished" takes read, finished work out.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BiltExtensionApi } from '../../src/extension';
import type { Node } from '../../src/ui/tree/nodes';
import { api, createProject, entry, latest, uniqueName, until, useTestScenario } from './support';

describe('mute and watch, read and unread, in a real VS Code', function () {
  this.timeout(60_000);
  let a: BiltExtensionApi;
  const row = (node: Node) => a.view.provider.getTreeItem(node) as vscode.TreeItem;
  const projectNodes = async () =>
    ((await a.view.provider.getChildren()) ?? []).filter(
      (n): n is Extract<Node, { kind: 'project' }> => n.kind === 'project',
    );

  before(async () => {
    a = await api();
    await useTestScenario();
    await vscode.commands.executeCommand('workbench.view.extension.bilt');
  });

  it('a finished workflow is unread until its row is opened; the notification level shows in the menu tokens', async () => {
    // its own project: the suite does not depend on what other suites left
    const project = { id: await createProject(uniqueName('unread')) };
    const target = { serverId: 'local', projectId: project.id };
    await entry(a, project.id);
    await vscode.commands.executeCommand('bilt.markAllRead');
    const node = await until(async () => (await projectNodes()).find((n) => n.projectId === project.id), 'the row');
    assert.doesNotMatch(String(row(node).contextValue), /\bunread\b/);

    await vscode.commands.executeCommand('bilt.sendMessage', target, 'Make it unread');
    await until(async () => latest(await entry(a, project.id))?.status === 'paused', 'the question');
    await vscode.commands.executeCommand('bilt.answerQuestions', target, [
      { questionIndex: 0, selectedOptions: ['Web'] },
    ]);
    await until(async () => latest(await entry(a, project.id))?.status === 'completed', 'completed', 30_000);
    await until(() => /\bunread\b/.test(String(row(node).contextValue)), 'the row to be unread');
    assert.match(String(row(node).description), /^● completed/);
    // the badge follows the store's change a moment after the row does (src/ui/tree/view.ts updates it)
    await until(() => (a.view.tree.badge?.value ?? 0) >= 1, 'the unread session counted in the badge');

    // Create Project selected the new project's row already: open its session's row (a new selection)
    const session = await until(
      async () => ((await a.view.provider.getChildren(node)) ?? []).find((n) => n.kind === 'session'),
      'the session row',
    );
    await a.view.tree.reveal(session, { select: true, focus: false });
    await until(() => !/\bunread\b/.test(String(row(node).contextValue)), 'opening the row reads it');

    assert.match(String(row(node).contextValue), /\blevel-default\b/);
    await vscode.commands.executeCommand('bilt.muteProject', node);
    await until(() => /\blevel-mute\b/.test(String(row(node).contextValue)), 'muted');
    assert.match((row(node).tooltip as vscode.MarkdownString).value, /muted/);
    await vscode.commands.executeCommand('bilt.watchProject', node);
    await until(() => /\blevel-watch\b/.test(String(row(node).contextValue)), 'watched');
    await vscode.commands.executeCommand('bilt.notifyDefault', node);
  });

  it('"Hide Finished Work" takes completed, read work out of the tree; "Show Finished Work" brings it back', async () => {
    await vscode.commands.executeCommand('bilt.markAllRead');
    const finished = (await projectNodes()).filter((n) => {
      const e = a.store.snapshot('local')?.projects?.find((p) => p.project.id === n.projectId);
      return ['completed', 'cancelled'].includes(String(latest(e)?.status));
    });
    assert.ok(finished.length > 0, 'some finished work to hide');
    await vscode.commands.executeCommand('bilt.hideFinished');
    const hidden = await projectNodes();
    assert.ok(
      finished.every((f) => !hidden.some((n) => n.projectId === f.projectId)),
      'finished work is hidden',
    );
    await vscode.commands.executeCommand('bilt.showFinished');
    const shown = await projectNodes();
    assert.ok(
      finished.every((f) => shown.some((n) => n.projectId === f.projectId)),
      'and back',
    );
  });
});
