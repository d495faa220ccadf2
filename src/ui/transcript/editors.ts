/**
 * Keeping the reader's place in a transcript that grows: VS Code keeps an editor's viewport when a
 * virtual document's content changes (lines come in below), which is right for a reader who scrolled
 * up. An editor that follows the end (src/present/transcriptScroll.ts decides which, from how each
 * viewport moved) is scrolled to the new end after every change.
 */
import * as vscode from 'vscode';
import {
  firstPlace,
  placeAfterGrowth,
  placeAfterMove,
  type ReaderPlace,
  type Viewport,
} from '../../present/transcriptScroll';
import { TRANSCRIPT_SCHEME } from '../ids';

const isTranscript = (editor: vscode.TextEditor) => editor.document.uri.scheme === TRANSCRIPT_SCHEME;

function viewport(editor: vscode.TextEditor, ranges = editor.visibleRanges): Viewport {
  return {
    top: ranges[0]?.start.line ?? 0,
    bottom: ranges.at(-1)?.end.line ?? 0,
    lineCount: editor.document.lineCount,
  };
}

export class EndFollower implements vscode.Disposable {
  /** The transcript editors on screen and what is known of them. */
  private readonly places = new Map<vscode.TextEditor, ReaderPlace>();
  private readonly subscriptions: vscode.Disposable[] = [
    vscode.window.onDidChangeVisibleTextEditors((visible) => this.seen(visible)),
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
      const place = this.places.get(e.textEditor);
      if (place) {
        this.places.set(e.textEditor, placeAfterMove(place, viewport(e.textEditor, e.visibleRanges)));
      } else if (isTranscript(e.textEditor)) {
        this.places.set(e.textEditor, firstPlace(viewport(e.textEditor, e.visibleRanges)));
      }
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.scheme === TRANSCRIPT_SCHEME && e.contentChanges.length > 0) {
        this.grown(e.document);
      }
    }),
  ];

  constructor() {
    this.seen(vscode.window.visibleTextEditors);
  }

  /** Forgets editors no longer on screen; notes the new ones. */
  private seen(visible: readonly vscode.TextEditor[]): void {
    [...this.places.keys()].filter((e) => !visible.includes(e)).forEach((e) => this.places.delete(e));
    visible
      .filter((e) => isTranscript(e) && !this.places.has(e))
      .forEach((e) => this.places.set(e, firstPlace(viewport(e))));
  }

  private grown(document: vscode.TextDocument): void {
    const last = document.lineCount - 1;
    for (const [editor, place] of this.places) {
      if (editor.document === document && place.follows) {
        this.places.set(editor, placeAfterGrowth(place));
        editor.revealRange(new vscode.Range(last, 0, last, 0), vscode.TextEditorRevealType.Default);
      }
    }
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.places.clear();
  }
}
