/**
 * Keeping the reader's place in a transcript that grows: VS Code keeps an editor's viewport when a
 * virtual document's content changes (lines come in below), which is right for a reader who scrolled
 * up. An editor that showed the document's end before the change is scrolled to the new end after it.
 */
import * as vscode from 'vscode';

/** The editor shows the last line (the document ends with an empty line, so the one before counts too). */
const showsEnd = (editor: vscode.TextEditor) =>
  editor.visibleRanges.some((range) => range.end.line >= editor.document.lineCount - 2);

export class EndFollower implements vscode.Disposable {
  /** Editors scrolled to the end whose new visible range has not been reported yet. */
  private readonly revealing = new Set<vscode.TextEditor>();
  /** Per document (URI string): the editors to scroll to the end once its change arrives. */
  private readonly pending = new Map<string, Set<vscode.TextEditor>>();
  private readonly subscriptions: vscode.Disposable[] = [
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.revealing.delete(e.textEditor)),
    vscode.workspace.onDidChangeTextDocument((e) => this.changed(e.document)),
    vscode.window.onDidChangeVisibleTextEditors((visible) =>
      [...this.revealing].filter((editor) => !visible.includes(editor)).forEach((e) => this.revealing.delete(e)),
    ),
  ];

  /** Called right before a document's content changes: notes which of its editors show its end. */
  beforeChange(uri: vscode.Uri): void {
    const key = uri.toString();
    const atEnd = vscode.window.visibleTextEditors.filter(
      (editor) => editor.document.uri.toString() === key && (this.revealing.has(editor) || showsEnd(editor)),
    );
    const waiting = this.pending.get(key) ?? new Set();
    atEnd.forEach((editor) => waiting.add(editor));
    if (waiting.size > 0) {
      this.pending.set(key, waiting);
    }
  }

  /** The document is gone: nothing to scroll. */
  forget(uri: vscode.Uri): void {
    this.pending.delete(uri.toString());
  }

  private changed(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const editors = this.pending.get(key);
    if (!editors) {
      return;
    }
    this.pending.delete(key);
    const last = document.lineCount - 1;
    const visible = new Set(vscode.window.visibleTextEditors);
    for (const editor of editors) {
      if (visible.has(editor)) {
        this.revealing.add(editor);
        editor.revealRange(new vscode.Range(last, 0, last, 0), vscode.TextEditorRevealType.Default);
      }
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.pending.clear();
    this.revealing.clear();
  }
}
