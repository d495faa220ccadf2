/**
 * Open a session as a live, read-only Markdown tab (src/ui/transcript): one section per turn, following
 * the workflow as it runs. The session's log (Show Log) stays the raw stream. Returns the document's URI.
 */
import * as vscode from 'vscode';
import { readSession } from '../../actions/reads';
import { COMMANDS } from '../ids';
import { transcriptUri } from '../transcript/address';
import type { CommandDeps } from './deps';
import { pickProject } from './pick';
import { registerCommand, unwrap } from './run';

export const registerOpenTranscript = (deps: CommandDeps) =>
  registerCommand(COMMANDS.openTranscript, 'open the transcript', deps.log, async (arg) => {
    const { target, projectName } = await pickProject(deps, arg, 'Open the transcript of which project?');
    const { ref, latest } = unwrap(await readSession(deps.actions, target), projectName);
    const uri = transcriptUri({ serverId: target.serverId, ...ref }, projectName);
    await vscode.window.showTextDocument(uri, { preview: false });
    await deps.personal.markSeen(ref.sessionId, latest); // opening its transcript reads it
    return uri;
  });
