/**
 * `@bilt` in the Chat view: slash commands answered from Bilt itself (no model, no tokens), plain text
 * handed to the request's model with Bilt's tools. One more thin adapter over the actions, like the
 * commands and the agent tools; what it writes comes from src/present/chat.
 */
import * as vscode from 'vscode';
import { reasonOf } from '../../actions/outcome';
import { followupsFor, type TurnMeta } from '../../present/chat/followups';
import { md } from '../../present/chat/session';
import type { CommandDeps } from '../commands/deps';
import { Cancelled } from '../commands/run';
import { CHAT_PARTICIPANT_ID } from '../ids';
import { answer } from './commands/answer';
import { cancel } from './commands/cancel';
import { log } from './commands/log';
import { resume } from './commands/resume';
import { send } from './commands/send';
import { status } from './commands/status';
import { freeText } from './freeText';
import type { ChatRecorder } from './record';
import type { ChatHandler } from './turn';

const COMMANDS: Record<string, ChatHandler> = { status, send, answer, cancel, resume, log };

export function registerChatParticipant(deps: CommandDeps, recorder: ChatRecorder): vscode.Disposable {
  const participant = vscode.chat.createChatParticipant(
    CHAT_PARTICIPANT_ID,
    async (request, _context, given, token) => {
      const { output: stream, done } = recorder.record(given);
      const stop = new AbortController();
      const sub = token.onCancellationRequested(() => stop.abort());
      const handler = COMMANDS[request.command ?? ''] ?? freeText;
      let meta: TurnMeta = { command: request.command ?? '', state: 'refused' };
      try {
        meta = await handler({ request, stream, token, signal: stop.signal, deps });
      } catch (e) {
        if (!(e instanceof Cancelled)) {
          deps.log.error(`@bilt ${request.command ?? ''} failed`, e);
          stream.markdown(`**Could not do it**: ${md(reasonOf(e))}`);
        }
      } finally {
        sub.dispose();
        done(meta, request);
      }
      return { metadata: meta };
    },
  );
  participant.iconPath = vscode.Uri.joinPath(deps.context.extensionUri, 'media', 'bilt.svg');
  participant.followupProvider = {
    provideFollowups: (result) => followupsFor(result.metadata as TurnMeta | undefined),
  };
  return participant;
}
