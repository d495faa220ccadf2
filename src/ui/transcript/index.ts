/**
 * Live transcripts as editor tabs (Bilt: Open Transcript, src/ui/commands/openTranscript.ts): the
 * `bilt-transcript:` documents, what editors offer on them, and scrolling a reader who was at the end to the new end.
 */
import * as vscode from 'vscode';
import type { CommandDeps } from '../commands/deps';
import { TRANSCRIPT_SCHEME } from '../ids';
import { EndFollower } from './editors';
import { registerTranscriptFeatures } from './features';
import { TranscriptDocuments } from './provider';

export function registerTranscripts(deps: CommandDeps): vscode.Disposable[] {
  const documents = new TranscriptDocuments({
    actions: deps.actions,
    recentMessages: () => deps.settings().recentMessages,
    log: deps.log,
  });
  return [
    new EndFollower(),
    documents,
    vscode.workspace.registerTextDocumentContentProvider(TRANSCRIPT_SCHEME, documents),
    ...registerTranscriptFeatures(),
  ];
}
