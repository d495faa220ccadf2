/**
 * The turns of a live transcript (src/present/transcriptDocument.ts): a turn is one workflow, the person's
 * instruction and everything that followed it (Bilt's messages, the questions it asked and the answers,
 * the result), headed `## <instruction> — _<state words>_`. Message lines are `- \`10:42:13\` **You**: …` /
 * `**Bilt**: …`; the workflow's steps (log lines, its success and its errors) are marked `▸`, `✓`, `✗` so
 * the outline finds them (src/present/transcriptOutline.ts reads this text back). Text from a server or a
 * person is escaped: no line it gives can start a section or become a Markdown link; only the http(s)
 * addresses of results and pauses are links.
 */
import type { Message, Pause, Workflow } from '../core/model';
import { link, md, pauseMarkdown, questionsMarkdown } from './chat/session';
import { statusLook } from './icons';
import { excerpt, progressWords } from './rows';

/** How a step's line is marked, by the message's variant. */
export const STEP_MARKS = { log: '▸', success: '✓', error: '✗' } as const;
/** The line that opens the questions of a pause (the code lens to answer them sits on this block). */
export const ASKS_LINE = '**Bilt asks:**';

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
/** Text as a code span (backticks inside become quotes); nothing for no text. */
export const codeSpan = (s: string) => (s ? `\`${s.replace(/`/g, "'")}\`` : '');

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
  const title = instruction === undefined ? undefined : excerpt(instruction, 70);
  return title || (first && earlier > 0 ? 'Earlier messages' : 'Messages');
}

/** A pause with every question and option on one line of its own (the outline and the lens read lines). */
function flatPause(pause: Pause): Pause {
  return {
    ...pause,
    questions: pause.questions?.map((q) => ({
      ...q,
      question: excerpt(q.question, 300),
      options: q.options.map((o) => excerpt(o, 100)),
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
    const summary = w.result.summary ? md(excerpt(w.result.summary, 200)) : undefined;
    return [`**Result:** ${[summary, app].filter(Boolean).join(' — ')}`];
  }
  if (w?.status === 'failed' && w.error) {
    return [`**Failed:** ${md(excerpt(w.error, 300))}`];
  }
  return [];
}

/** A turn's section: its heading, its messages, what closes it, and a blank line. */
export function turnLines(turn: Turn, first: boolean, earlier: number): string[] {
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
