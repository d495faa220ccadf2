/**
 * The live transcript in a real editor: Bilt: Open Transcript opens a read-only Markdown tab that grows
 * as the engine's workflow runs (test/fixtures/scenarios/vscode.json: plan, one question, a 3 s build,
 * deploy), with a fold and a symbol per turn, the question's code lens, the app's link, and a viewport
 * that stays where the reader left it unless that was the end.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { BiltExtensionApi } from '../../src/extension';
import { api, entry, uniqueName, until, useTestScenario } from './support';

/** Whether the editor shows its document's last lines (the text ends with an empty line). */
const showsEnd = (editor: vscode.TextEditor) =>
  editor.visibleRanges.some((r) => r.end.line >= editor.document.lineCount - 2);
const lineOf = (document: vscode.TextDocument, start: string) =>
  document
    .getText()
    .split('\n')
    .findIndex((l) => l.startsWith(start));

describe('The live transcript as an editor tab', function () {
  this.timeout(90_000);
  let a: BiltExtensionApi;
  before(async () => {
    a = await api();
    await useTestScenario();
  });

  it('grows with the workflow: turns, folds, outline, the question with its lens, the link; keeps the reader’s place', async () => {
    const name = uniqueName('transcript');
    const projectId = await vscode.commands.executeCommand<string>(
      'bilt.createProject',
      { serverId: 'local' },
      { name },
    );
    assert.ok(projectId, 'bilt.createProject returned no project id');
    await entry(a, projectId);
    const target = { serverId: 'local', projectId };
    // taller than the editor, so that "the top" and "the end" are different places
    const instruction = ['Build a todo app', ...Array.from({ length: 80 }, (_, i) => `requirement ${i + 1}`)].join(
      '\n',
    );
    await vscode.commands.executeCommand('bilt.sendMessage', target, instruction);

    const uri = await vscode.commands.executeCommand<vscode.Uri>('bilt.openTranscript', target);
    assert.ok(uri instanceof vscode.Uri, 'bilt.openTranscript returned no URI');
    assert.equal(uri.scheme, 'bilt-transcript');
    assert.equal(uri.path, `/${name}.md`);
    const editor = await until(
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString()),
      'the transcript in an editor',
    );
    const document = editor.document;
    assert.equal(document.languageId, 'markdown');
    assert.equal(document.isUntitled, false);
    assert.equal(vscode.workspace.fs.isWritableFileSystem(uri.scheme), undefined, 'no file system behind it');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('x'))));

    await until(() => document.getText().includes('**Bilt asks:**'), 'the question in the transcript');
    // the editor refuses typing (the change would reach this host before the command's answer), and saving
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('type', { text: 'typed by the test' });
    assert.doesNotMatch(document.getText(), /typed by the test/);
    assert.equal(document.isDirty, false);
    assert.equal(await document.save(), false);
    assert.match(document.getText(), new RegExp(`^# ${name}\\n\\nSession \`[^\`]+\` on .* · following live\\n`));
    assert.match(
      document.getText(),
      /^## Build a todo app requirement 1 .*— _needs your answers · \d+% Choosing a platform_$/m,
    );
    assert.match(document.getText(), /^- `[\d:]+` \*\*You\*\*: Build a todo app\n {2}requirement 1\n/m);
    assert.match(document.getText(), /^- `[\d:]+` ▸ `Planned 2 screens`$/m);
    assert.match(document.getText(), /^1\. Which platform\? — `Web` · `iOS`$/m);

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const answer = lenses.find((l) => l.command?.command === 'bilt.answerQuestions');
    assert.ok(answer, `no Answer lens among ${JSON.stringify(lenses.map((l) => l.command?.title))}`);
    assert.equal(answer.range.start.line, lineOf(document, '**Bilt asks:**'));
    assert.deepEqual(answer.command!.arguments, [target]);

    const heading = lineOf(document, '## Build a todo app');
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider',
      uri,
    );
    assert.ok(
      folds.some((f) => f.start === heading && f.end === lineOf(document, '1. Which platform?')),
      `no fold for the turn at line ${heading}: ${JSON.stringify(folds)}`,
    );
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      uri,
    );
    const turn = symbols.find((s) => s.name.startsWith('Build a todo app') && s.children.length > 0);
    assert.ok(turn, `no turn among ${JSON.stringify(symbols.map((s) => s.name))}`);
    assert.match(turn.detail, /^needs your answers · \d+% Choosing a platform$/);
    assert.deepEqual(
      turn.children.map((s) => s.name),
      ['Planned 2 screens', 'Bilt asks: Which platform?'],
    );

    // a reader at the top stays there while the workflow goes on
    editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
    await until(() => editor.visibleRanges[0]?.start.line === 0 && !showsEnd(editor), 'the editor at the top');
    const versions: number[] = [];
    const changes = vscode.workspace.onDidChangeTextDocument(
      (e) => e.document === document && versions.push(e.document.version),
    );
    try {
      // the lens's own command, with the answers a person would pick in its quick pick
      const status = await vscode.commands.executeCommand<string>(
        answer.command!.command,
        ...(answer.command!.arguments ?? []),
        [{ questionIndex: 0, selectedOptions: ['Web'] }],
      );
      assert.equal(status, 'running');
      await until(() => document.getText().includes('**Result:**'), 'the completed turn', 30_000);
    } finally {
      changes.dispose();
    }
    assert.ok(versions.length >= 2, `the transcript changed ${versions.length} time(s) while the workflow ran`);
    const text = document.getText();
    assert.doesNotMatch(text, /Bilt asks/);
    assert.match(text, /^## Build a todo app .*— _completed_$/m);
    for (const step of ['Generating components', 'Compiling', 'Build finished', 'Deployed']) {
      assert.ok(text.indexOf(step) > text.indexOf('Which platform? → Web'), `${step} after the answer`);
    }
    assert.match(
      text,
      /^\*\*Result:\*\* Built transcript-\S+ — \[open the app\]\(https:\/\/transcript-\S+\.vscode\.test\)$/m,
    );
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    assert.ok(
      links.some((l) => /^https:\/\/transcript-.*\.vscode\.test\/?$/.test(String(l.target))),
      `links: ${links.map((l) => String(l.target)).join(', ')}`,
    );
    assert.equal(editor.visibleRanges[0]?.start.line, 0, 'the reader at the top was not moved');

    // a reader at the end follows it
    const last = document.lineCount - 1;
    editor.revealRange(new vscode.Range(last, 0, last, 0), vscode.TextEditorRevealType.Default);
    await until(() => showsEnd(editor) && editor.visibleRanges[0]!.start.line > 0, 'the editor at the end');
    const linesBefore = document.lineCount;
    const topBefore = editor.visibleRanges[0]!.start.line;
    await vscode.commands.executeCommand('bilt.sendMessage', target, 'Add a dark mode');
    await until(() => document.getText().includes('**Bilt asks:**'), 'the second turn’s question');
    assert.ok(document.lineCount > linesBefore);
    // VS Code alone keeps the viewport where it is (the new lines come in below it): following scrolls it
    await until(
      () => showsEnd(editor) && editor.visibleRanges[0]!.start.line > topBefore,
      'the editor to follow the end',
    );
    const folded = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider',
      uri,
    );
    assert.ok(folded.some((f) => f.start === lineOf(document, '## Add a dark mode')));

    // closed, it stops following; opened again, it goes on from where it was
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await until(() => !vscode.window.visibleTextEditors.some((e) => e.document === document), 'the tab closed');
    await vscode.commands.executeCommand('bilt.cancelWorkflow', target, 'test over');
    const reopened = await vscode.commands.executeCommand<vscode.Uri>('bilt.openTranscript', target);
    assert.equal(reopened.toString(), uri.toString());
    await until(() => /^## Add a dark mode — _cancelled_$/m.test(document.getText()), 'the cancellation, caught up');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
