/**
 * The live transcript (Bilt: Open Transcript): a session as one Markdown document, one section per turn.
 * A turn is one workflow: the person's instruction and everything that followed it (Bilt's messages,
 * the questions it asked and the answers, the result), headed `## <instruction> — _<state words>_`.
 * Message lines are `- \`10:42:13\` **You**: …` / `**Bilt**: …`; the workflow's steps (log lines, its
 * success and its errors) are marked `▸`, `✓`, `✗` so the outline finds them (src/present/transcriptOutline.ts
 * reads this text back). Text from a server or a person is escaped: no line it gives can start a section
 * or become a Markdown link; only the http(s) addresses of results and pauses are links.
 */
import type { Message, Pause, Workflow } from '../core/model';
import { link, md, pauseMarkdown, questionsMarkdown } from './chat/session';
import { statusLook } from './icons';
import { excerpt, progressWords } from './rows';

/** How a step's line is marked, by the message's variant. */
export const STEP_MARKS = { log: '▸', success: '✓', error: '✗' } as const;
/** The line that opens the questions of a pause (the code lens to answer them sits on this block). */
export const ASKS_LINE = '**Bilt asks:**';

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

/** One section: a workflow's messages (or messages outside any workflow), with the workflow when known. */
export interface Turn {
  workflowId: string | null;
  workflow: Workflow | undefined;
  messages: Message[];
}

/** Consecutive messages of one workflow make a turn; the latest workflow has one even before its first message. */
export function turnsOf(messages: readonly Message[], workflows: readonly Workflow[]): Turn[] {
  const turns: Turn[] = [];
  for (const message of messages) {
    const last = turns.at(-1);
    if (last && last.workflowId === message.workflowId) {
      last.messages.push(message);
    } else {
      const workflow = workflows.find((w) => w.id === message.workflowId);
      turns.push({ workflowId: message.workflowId, workflow, messages: [message] });
    }
  }
  const latest = workflows[0];
  if (latest && !turns.some((t) => t.workflowId === latest.id)) {
    turns.push({ workflowId: latest.id, workflow: latest, messages: [] });
  }
  return turns;
}

const clock = (iso: string) => (iso.length >= 19 ? iso.slice(11, 19) : iso);
const codeSpan = (s: string) => (s ? `\`${s.replace(/`/g, "'")}\`` : '');
const oneLine = (s: string, n: number) => excerpt(s, n);

/** A message as lines: `- \`time\` who: first line`, then its other lines indented (never a new block). */
export function messageLines(m: Message): string[] {
  const [first = '', ...rest] = m.text.split(/\r?\n/);
  const step = m.side === 'ai' && m.variant !== 'info' ? STEP_MARKS[m.variant] : undefined;
  const body = (s: string) => (m.side === 'ai' && m.variant === 'log' ? codeSpan(s) : md(s));
  const who = step ?? (m.side === 'user' ? '**You**:' : '**Bilt**:');
  return [`- \`${clock(m.createdAt)}\` ${who} ${body(first)}`.trimEnd(), ...rest.map((l) => `  ${body(l)}`)];
}

/** The state of a turn's workflow in words: "running · 40% Building", "needs your answers", "completed". */
export function turnWords(w: Workflow): string {
  const progress = progressWords(w);
  const words = statusLook(w.status, w.pause?.type).words;
  return progress ? `${words} · ${progress}` : words;
}

function turnTitle(turn: Turn, first: boolean, earlier: number): string {
  const instruction = turn.workflow?.message ?? turn.messages.find((m) => m.side === 'user')?.text;
  const title = instruction === undefined ? undefined : oneLine(instruction, 70);
  return title || (first && earlier > 0 ? 'Earlier messages' : 'Messages');
}

/** A pause with every question and option on one line of its own (the outline and the lens read lines). */
function flatPause(pause: Pause): Pause {
  return {
    ...pause,
    questions: pause.questions?.map((q) => ({
      ...q,
      question: oneLine(q.question, 300),
      options: q.options.map((o) => oneLine(o, 100)),
    })),
  };
}

/** What closes a turn: the questions of its pause, what another pause needs, or its result. */
function turnEnding(w: Workflow | undefined): string[] {
  if (w?.status === 'paused' && w.pause) {
    const pause = flatPause(w.pause);
    if (pause.type === 'questions') {
      return [ASKS_LINE, '', ...questionsMarkdown(pause.questions ?? []).split('\n')];
    }
    return [pauseMarkdown(pause) ?? ''];
  }
  if (w?.status === 'completed' && (w.result?.url || w.result?.summary)) {
    const url = w.result.url;
    const app = link('open the app', url) ?? (url ? codeSpan(url) : undefined);
    const summary = w.result.summary ? md(oneLine(w.result.summary, 200)) : undefined;
    return [`**Result:** ${[summary, app].filter(Boolean).join(' — ')}`];
  }
  if (w?.status === 'failed' && w.error) {
    return [`**Failed:** ${md(oneLine(w.error, 300))}`];
  }
  return [];
}

function turnLines(turn: Turn, first: boolean, earlier: number): string[] {
  const words = turn.workflow ? ` — _${md(turnWords(turn.workflow))}_` : '';
  const ending = turnEnding(turn.workflow);
  return [
    `## ${md(turnTitle(turn, first, earlier))}${words}`,
    '',
    ...(turn.messages.length ? turn.messages.flatMap(messageLines) : ['_No messages yet._']),
    ...(ending.length ? ['', ...ending] : []),
    '',
  ];
}

function followingWords(f: Following): string {
  switch (f.state) {
    case 'loading':
      return 'loading…';
    case 'live':
      return 'following live';
    case 'retrying':
      return `reconnecting in ${f.inSeconds} s: ${md(oneLine(f.reason, 160))}`;
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

/** The ids a transcript's address carries (its query), beside a readable path: `/<project name>.md`. */
export interface TranscriptAddress {
  serverId: string;
  projectId: string;
  sessionId: string;
}

/** `/<project name>.md`: the editor's tab title, with characters no path should hold replaced. */
export function transcriptPath(projectName: string): string {
  // eslint-disable-next-line no-control-regex
  const name = projectName.replace(/[\u0000-\u001f\\/:*?"<>|#%]+/g, '-').trim();
  return `/${name || 'transcript'}.md`;
}

export function transcriptQuery(a: TranscriptAddress): string {
  return new URLSearchParams({ server: a.serverId, project: a.projectId, session: a.sessionId }).toString();
}

/** The ids in a transcript's query, or undefined when one is missing. */
export function parseTranscriptQuery(query: string): TranscriptAddress | undefined {
  const params = new URLSearchParams(query);
  const [serverId, projectId, sessionId] = ['server', 'project', 'session'].map((k) => params.get(k));
  return serverId && projectId && sessionId ? { serverId, projectId, sessionId } : undefined;
}
