/**
 * Following a workflow in the chat response: its progress as the response's progress line, each new
 * message of Bilt's as a line, then how it ended with the obvious next step. Stop (the request's
 * cancellation) ends the waiting, never the workflow.
 */
import type { Target } from '../../actions/context';
import { waitForWorkflow } from '../../actions/wait';
import type { Workflow } from '../../core/model';
import { stateOf, type TurnMeta } from '../../present/chat/followups';
import { md, pauseMarkdown, workflowLine } from '../../present/chat/session';
import { statusLook } from '../../present/icons';
import { progressWords } from '../../present/rows';
import { COMMANDS } from '../ids';
import type { ChatTurn } from './turn';

export interface Followed {
  target: Target;
  projectName: string;
  sessionId: string;
  workflowId: string;
  /** Messages after this seq are new (the session's count before the action). */
  fromSeq: number;
}

function progressOf(w: Workflow): string {
  const look = statusLook(w.status, w.pause?.type);
  return [look.words, progressWords(w)].filter(Boolean).join(' · ');
}

export async function followInChat(turn: ChatTurn, f: Followed): Promise<TurnMeta> {
  const { stream } = turn;
  const client = await turn.deps.store.client(f.target.serverId, turn.signal);
  let shown = '';
  const r = await waitForWorkflow(client, { sessionId: f.sessionId, projectId: f.target.projectId }, f.workflowId, {
    signal: turn.signal,
    fromSeq: f.fromSeq,
    onUpdate: (w) => {
      const now = progressOf(w);
      if (now !== shown) {
        shown = now;
        stream.progress(`${f.projectName}: ${now}`);
      }
    },
    onMessages: (messages) => {
      const lines = messages.filter((m) => m.side === 'ai').map((m) => `> ${md(m.text.replace(/\s+/g, ' ').trim())}`);
      if (lines.length) {
        stream.markdown(`${lines.join('\n>\n')}\n\n`);
      }
    },
  });
  const command = turn.request.command ?? '';
  const node = { serverId: f.target.serverId, projectId: f.target.projectId, sessionId: f.sessionId };
  if (r.ended !== 'settled' || !r.workflow) {
    stream.markdown(
      r.ended === 'aborted'
        ? 'Stopped waiting. The workflow goes on: follow it in the Bilt view, or ask `@bilt /status`.'
        : 'Still running after the longest wait: follow it in the Bilt view, or ask `@bilt /status`.',
    );
    stream.button({ command: COMMANDS.showSessionLog, title: 'Show Log', arguments: [node] });
    return { command, state: 'stopped' };
  }
  const w = r.workflow;
  stream.markdown(`\n\n**${md(f.projectName)}**: ${workflowLine(w, Date.now())}`);
  const pause = w.status === 'paused' ? pauseMarkdown(w.pause) : undefined;
  if (pause) {
    stream.markdown(`\n\n${pause}`);
  }
  if (w.status === 'paused' && w.pause?.type !== 'questions') {
    stream.button({ command: COMMANDS.resumeWorkflow, title: 'Continue', arguments: [node] });
  }
  if (w.result?.url) {
    stream.button({
      command: COMMANDS.openInBrowser,
      title: 'Open the App',
      arguments: [{ ...node, workflowId: w.id }],
    });
  }
  const questions = w.pause?.type === 'questions' ? (w.pause.questions ?? []) : undefined;
  return { command, state: stateOf(w.status, w.pause?.type), ...(questions ? { questions } : {}) };
}
