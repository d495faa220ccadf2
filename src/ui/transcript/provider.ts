/**
 * The content of `bilt-transcript:` documents: read-only Markdown that follows its session while a tab
 * shows it. Asking for a document's content starts following (Open Transcript, or an editor VS Code
 * restores: package.json's `onFileSystem:bilt-transcript` activates the extension for it). When the last tab showing it closes, following stops at once (VS Code keeps a closed
 * document for up to a few minutes) and resumes from the last message if a tab shows it again; the
 * document's close (`onDidCloseTextDocument`) ends it. Changes are gathered for a moment and announced
 * once, and only when the text differs.
 */
import * as vscode from 'vscode';
import type { ActionContext } from '../../actions/context';
import { SessionFollower } from '../../actions/follow';
import type { TranscriptAddress } from '../../present/transcriptAddress';
import { transcriptDocument } from '../../present/transcriptDocument';
import { TRANSCRIPT_SCHEME } from '../ids';
import type { Logger } from '../logging';
import { addressOf, nameInPath } from './address';

/** Changes arriving within this many ms become one update of the document. */
const GATHER_MS = 50;

interface Open {
  address: TranscriptAddress;
  /** The project's name as the address says it (until the store knows it). */
  pathName: string;
  transcript: SessionFollower;
  /** The text VS Code was last given. */
  shown: string | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export class TranscriptDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly open = new Map<string, Open>();
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly o: { actions: ActionContext; recentMessages: () => number; log: Logger }) {
    this.subscriptions = [
      this.changes,
      vscode.workspace.onDidCloseTextDocument((d) => this.close(d.uri)),
      // a language change closes and reopens the document without asking for its content again
      vscode.workspace.onDidOpenTextDocument((d) => void (d.uri.scheme === TRANSCRIPT_SCHEME && this.follow(d.uri))),
      vscode.window.tabGroups.onDidChangeTabs(() => this.followShown()),
    ];
  }

  /** Follows the documents a tab shows, and only those. */
  private followShown(): void {
    const shown = new Set(
      vscode.window.tabGroups.all
        .flatMap((group) => group.tabs)
        .flatMap((tab) => (tab.input instanceof vscode.TabInputText ? [tab.input.uri.toString()] : [])),
    );
    for (const [key, open] of this.open) {
      if (shown.has(key)) {
        open.transcript.resume();
      } else {
        open.transcript.suspend();
      }
    }
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const open = this.follow(uri);
    if (!open) {
      return 'This address names no Bilt session: open a transcript with "Bilt: Open Transcript".\n';
    }
    open.shown = this.text(open);
    return open.shown;
  }

  private text(open: Open): string {
    const server = this.o.actions.store.snapshot(open.address.serverId);
    const project = server?.projects?.find((p) => p.project.id === open.address.projectId)?.project;
    return transcriptDocument({
      projectName: project?.name ?? open.pathName,
      sessionId: open.address.sessionId,
      serverLabel: server?.server.label ?? open.address.serverId,
      ...open.transcript.state(),
    });
  }

  private follow(uri: vscode.Uri): Open | undefined {
    const key = uri.toString();
    const existing = this.open.get(key);
    const address = addressOf(uri);
    if (existing || !address) {
      return existing;
    }
    const { serverId, projectId, sessionId } = address;
    const transcript = new SessionFollower(
      this.o.actions,
      serverId,
      { projectId, sessionId },
      {
        recentMessages: this.o.recentMessages,
        warn: (message) => this.o.log.warn(message),
        changed: () => this.schedule(uri),
      },
    );
    const open: Open = { address, pathName: nameInPath(uri), transcript, shown: undefined, timer: undefined };
    this.open.set(key, open);
    return open;
  }

  private schedule(uri: vscode.Uri): void {
    const open = this.open.get(uri.toString());
    if (!open) {
      return;
    }
    open.timer ??= setTimeout(() => {
      open.timer = undefined;
      if (this.open.get(uri.toString()) === open && this.text(open) !== open.shown) {
        this.changes.fire(uri);
      }
    }, GATHER_MS);
  }

  private close(uri: vscode.Uri): void {
    const key = uri.toString();
    const open = this.open.get(key);
    if (open) {
      this.open.delete(key);
      clearTimeout(open.timer);
      open.transcript.dispose();
    }
  }

  dispose(): void {
    for (const open of this.open.values()) {
      clearTimeout(open.timer);
      open.transcript.dispose();
    }
    this.open.clear();
    this.subscriptions.forEach((s) => s.dispose());
  }
}
