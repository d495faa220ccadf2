/** "Send to Bilt…" from the editor: the selection becomes the context of a draft in the compose editor, which sends it. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, latest, entry, until, useTestScenario } from './support';

describe('Send to Bilt from the editor in a real VS Code', function () {
  this.timeout(60_000);
  before(() => useTestScenario());

  it('drafts the selection with its path, lines and language, counted live, and sends it with an instruction', async () => {
    const a = await api();
    const project = a.store.snapshot('local')!.projects![0]!.project;
    await vscode.commands.executeCommand('bilt.linkWorkspace', undefined, 'unlink');
    await vscode.commands.executeCommand('bilt.linkWorkspace', { serverId: 'local', projectId: project.id });
    const e = await entry(a, project.id);
    if (['pending', 'running', 'paused'].includes(String(latest(e)?.status))) {
      await vscode.commands.executeCommand(
        'bilt.cancelWorkflow',
        { serverId: 'local', projectId: project.id },
        'clearing the way',
      );
    }
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const file = vscode.Uri.joinPath(folder, 'checkout.ts');
    await vscode.workspace.fs.writeFile(
      file,
      new TextEncoder().encode('export const total = 1;\nexport function pay() {\n  return total;\n}\n'),
    );
    const editor = await vscode.window.showTextDocument(file);
    editor.selection = new vscode.Selection(1, 0, 3, 1);
    const draft = await vscode.commands.executeCommand<{ text: string; cut?: string }>('bilt.sendToBilt', file);
    assert.equal(draft.cut, undefined);
    const compose = vscode.window.activeTextEditor!;
    assert.equal(compose.document.isUntitled, true);
    assert.match(
      compose.document.getText(),
      /From `checkout\.ts`, lines 2–4 \(typescript\):\n```typescript\nexport function pay\(\) \{\n {2}return total;\n\}\n```/,
    );
    await compose.edit((b) => b.insert(new vscode.Position(0, 0), 'Use this payment function on the checkout page'));
    const workflowId = await vscode.commands.executeCommand<string>('bilt.sendMessage');
    assert.ok(workflowId, 'sent from the compose editor');
    const sent = await until(async () => {
      const w = latest(await entry(a, project.id));
      return w?.id === workflowId && w;
    }, 'the workflow in the store');
    assert.match(sent.message, /^Use this payment function on the checkout page\n\nFrom `checkout\.ts`, lines 2–4/);
    await vscode.commands.executeCommand(
      'bilt.cancelWorkflow',
      { serverId: 'local', projectId: project.id },
      'test over',
    );
  });
});
