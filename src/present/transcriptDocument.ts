/**
 * The live transcript (Bilt: Open Transcript): a session as one Markdown document, a header (the project,
 * the session, its server, how many messages, how following goes), then one section per turn
 * (src/present/transcriptTurns.ts).
 */
import type { Message, Workflow } from '../core/model';
import { md } from './chat/session';
import { excerpt } from './rows';
import { codeSpan, turnLines, turnsOf } from './transcriptTurns';

/** Where following the session stands, said in the header. */
export type Following =
  { state: 'loading' } | { state: 'live' } | { state: 'retrying'; reason: string; inSeconds: number };

export interface TranscriptSource {
  projectName: string;
  sessionId: string;
  serverLabel: string;
  /** The session's workflows, latest first (as its view gives them). */
  workflows: readonly Workflow[];
  /** The messages shown, oldest first. */
  messages: readonly Message[];
  /** How many messages came before the first one shown (not loaded). */
  earlier: number;
  following: Following;
}

function followingWords(f: Following): string {
  switch (f.state) {
    case 'loading':
      return 'loading…';
    case 'live':
      return 'following live';
    case 'retrying':
      return `reconnecting in ${f.inSeconds} s: ${md(excerpt(f.reason, 160))}`;
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The whole document. */
export function transcriptDocument(s: TranscriptSource): string {
  const total = s.earlier + s.messages.length;
  const turns = turnsOf(s.messages, s.workflows);
  const header = [
    `# ${md(s.projectName)}`,
    '',
    `Session ${codeSpan(s.sessionId)} on ${md(s.serverLabel)} · ${plural(total, 'message')} · ${followingWords(s.following)}`,
    ...(s.earlier > 0
      ? [`… ${plural(s.earlier, 'earlier message')} not shown (Bilt: Export Transcript has them all)`]
      : []),
    '',
  ];
  const body =
    turns.length > 0
      ? turns.flatMap((turn, i) => turnLines(turn, i === 0, s.earlier))
      : s.following.state === 'loading'
        ? []
        : ['_No messages yet: send one with Bilt: Send Message._', ''];
  return [...header, ...body].join('\n');
}
