/**
 * The workspace link as a file: Link Workspace writes `.bilt/project.json` (server, project id, name; no
 * token), and a change to the file (a branch switch, a teammate's commit) switches the default project
 * of the agent tools and the tree's focus; removing it unlinks.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, entry, uniqueName, until, useTestScenario } from './support';

const text = (r: vscode.LanguageModelToolResult) =>
  r.content.map((c) => (c instanceof vscode.LanguageModelTextPart ? c.value : '')).join('');

describe('the workspace link as a file in a real VS Code', function () {
  this.timeout(60_000);
  before(() => useTestScenario());

  it('is written by Link Workspace and followed when it changes on disk', async () => {
    const a = await api();
    await vscode.commands.executeCommand('workbench.view.extension.bilt'); // the tree reveals only when it is shown
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const file = vscode.Uri.joinPath(folder, '.bilt/project.json');
    // two projects of the local engine (the suites before made some: creations are limited to 10 an hour)
    const known = () => a.store.snapshot('local')?.projects?.map((e) => e.project) ?? [];
    while (known().length < 2) {
      const id = await vscode.commands.executeCommand<string>(
        'bilt.createProject',
        { serverId: 'local' },
        { name: uniqueName('link') },
      );
      await entry(a, id!);
    }
    const [first, second] = known();
    const names = [first!.name, second!.name];
    const ids = [first!.id, second!.id];
    await vscode.commands.executeCommand('bilt.linkWorkspace', undefined, 'unlink'); // (an earlier suite linked one)
    await vscode.commands.executeCommand('bilt.linkWorkspace', { serverId: 'local', projectId: ids[0] });
    const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<
      string,
      string
    >;
    assert.deepEqual(written, { server: 'local', project: ids[0], name: names[0] });
    const defaultProject = async () =>
      text(await vscode.lm.invokeTool('bilt_getSession', { input: {}, toolInvocationToken: undefined }));
    assert.match(await defaultProject(), new RegExp(`"project":"${names[0]}"`));

    // a branch switch: the file now names the other project
    const other = JSON.stringify({ server: 'local', project: ids[1], name: names[1] });
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(other));
    await until(
      async () => new RegExp(`"project":"${names[1]}"`).test(await defaultProject()),
      'the agent tools to follow the file',
    );
    await until(
      () => a.view.tree.selection.some((n) => n.kind === 'project' && n.projectId === ids[1]),
      'the tree to reveal the linked project',
    );

    await vscode.workspace.fs.delete(file);
    await until(
      async () => /Which project\?|which project/i.test(await defaultProject()),
      'the link to go with the file',
    );
  });
});
