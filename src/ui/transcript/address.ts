/** A transcript's URI: `bilt-transcript:/<project name>.md?server=…&project=…&session=…` (Markdown by its name). */
import * as vscode from 'vscode';
import {
  parseTranscriptQuery,
  transcriptPath,
  transcriptQuery,
  type TranscriptAddress,
} from '../../present/transcriptAddress';
import { TRANSCRIPT_SCHEME } from '../ids';

export function transcriptUri(address: TranscriptAddress, projectName: string): vscode.Uri {
  return vscode.Uri.from({
    scheme: TRANSCRIPT_SCHEME,
    path: transcriptPath(projectName),
    query: transcriptQuery(address),
  });
}

/** The ids a transcript's URI carries; undefined for another scheme or a query without them. */
export function addressOf(uri: vscode.Uri): TranscriptAddress | undefined {
  return uri.scheme === TRANSCRIPT_SCHEME ? parseTranscriptQuery(uri.query) : undefined;
}

/** The project's name as the path says it (until the store knows it). */
export const nameInPath = (uri: vscode.Uri) => uri.path.replace(/^\//, '').replace(/\.md$/, '');
