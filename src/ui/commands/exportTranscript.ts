/**
 * Export a session's whole history (the log shows only the recent part) as Markdown or JSON: read
 * in pages with progress (cancellable), written where the user chose, then offered to open.
 */
import os from 'node:os';
import * as vscode from 'vscode';
import { fetchNewMessages } from '../../api/watch/catchUp';
import { transcriptJson, transcriptMarkdown } from '../../present/transcript';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { readSession } from '../../actions/reads';
import { pickProject } from './pick';
import { Cancelled, must, registerCommand, unwrap } from './run';

type Format = 'markdown' | 'json';
const EXT: Record<Format, string> = { markdown: 'md', json: 'json' };

function defaultUri(projectName: string, format: Format): vscode.Uri {
  const name = `${projectName.replace(/[^\w.-]+/g, '-')}-transcript.${EXT[format]}`;
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir()), name);
}

export const registerExportTranscript = (deps: CommandDeps) =>
  registerCommand(
    COMMANDS.exportTranscript,
    'export the transcript',
    deps.log,
    async (arg, givenFormat?: unknown, givenUri?: unknown) => {
      const picked = await pickProject(deps, arg, 'Export the transcript of which project?');
      const s = {
        ...unwrap(await readSession(deps.actions, picked.target), picked.projectName),
        serverId: picked.target.serverId,
      };
      const format: Format =
        givenFormat === 'markdown' || givenFormat === 'json'
          ? givenFormat
          : must(
              await vscode.window.showQuickPick(
                [
                  {
                    label: 'Markdown',
                    description: '.md · readable, grouped by workflow',
                    format: 'markdown' as const,
                  },
                  { label: 'JSON', description: '.json · every field, for tools', format: 'json' as const },
                ],
                { placeHolder: `Export ${s.projectName} as` },
              ),
            ).format;
      const uri =
        givenUri instanceof vscode.Uri
          ? givenUri
          : typeof givenUri === 'string'
            ? vscode.Uri.file(givenUri)
            : must(
                await vscode.window.showSaveDialog({
                  defaultUri: defaultUri(s.projectName, format),
                  filters: format === 'markdown' ? { Markdown: ['md'] } : { JSON: ['json'] },
                  saveLabel: 'Export',
                  title: `Export the transcript of ${s.projectName}`,
                }),
              );
      const client = await deps.store.client(s.serverId);
      const project =
        deps.store.snapshot(s.serverId)?.projects?.find((p) => p.project.id === s.ref.projectId)?.project ??
        (await client.backend.getProject(s.ref.projectId));
      const messages = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: `Bilt: exporting ${s.projectName}`,
          cancellable: true,
        },
        async (progress, token) => {
          const stop = new AbortController();
          const sub = token.onCancellationRequested(() => stop.abort());
          try {
            const total = (await client.backend.getMessages(s.ref, { limit: 1 }, { signal: stop.signal })).total;
            progress.report({ message: `reading ${total} message${total === 1 ? '' : 's'}…` });
            return (await fetchNewMessages(client.backend, s.ref, 0, total, stop.signal)).messages;
          } catch (e) {
            if (stop.signal.aborted) {
              throw new Cancelled();
            }
            throw e;
          } finally {
            sub.dispose();
          }
        },
      );
      const text = (format === 'markdown' ? transcriptMarkdown : transcriptJson)(
        project,
        s.ref.sessionId,
        s.view.workflows,
        messages,
      );
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      deps.log.info(`exported ${messages.length} messages of ${s.ref.sessionId} to ${uri.toString()}`);
      void vscode.window
        .showInformationMessage(
          `Exported ${messages.length} message${messages.length === 1 ? '' : 's'} of ${s.projectName}.`,
          'Open',
        )
        .then((a) => a && vscode.window.showTextDocument(uri));
      return uri;
    },
  );
