/** "Bilt: Report a Problem…" in a real VS Code: an untitled Markdown document with the facts, no token in it. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { api, until } from './support';

describe('Bilt: Report a Problem… in a real VS Code', function () {
  this.timeout(30_000);

  it('opens the report with versions, servers, the engine and the log, and never a token', async () => {
    const a = await api();
    await until(() => a.store.snapshot('local')?.status.state === 'ready', 'the local engine');
    const text = await vscode.commands.executeCommand<string>('bilt.reportProblem');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.isUntitled, true);
    assert.equal(editor?.document.languageId, 'markdown');
    assert.equal(editor?.document.getText(), text);
    assert.match(text, new RegExp(`VS Code ${vscode.version.replace(/\./g, '\\.')}`));
    assert.match(text, /\*\*Local engine\*\* \(local engine\): ready, speaks `mcp-seed`, pushes changes/);
    assert.match(text, /"name": "bilt-engine"/);
    const discovery = JSON.parse(readFileSync(path.join(process.env.BILT_ENGINE_DATA_DIR!, 'engine.json'), 'utf8')) as {
      token: string;
    };
    assert.ok(!text.includes(discovery.token), 'the engine token is not in the report');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
