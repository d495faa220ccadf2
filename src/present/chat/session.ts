/**
 * How the `@bilt` chat participant writes a session in Markdown: the project's state in words, the
 * recent workflows with their results, what a pause asks for, and messages. Pure, so it is tested
 * without VS Code; the participant only streams what these return.
 */
import type { SessionView } from '../../api/backend';
import type { Message, Pause, Question, Workflow } from '../../core/model';
import { isActive } from '../../core/status';
import { statusLook } from '../icons';
import { progressWords, sessionWords } from '../rows';
import { ago } from '../time';

/**
 * Escapes Markdown's own characters in text that came from a server or a person. Hyphens and dots stay
 * (names like my-app read as they are); every line this module writes starts with its own prefix, so a
 * leading "-" or "1." never becomes a list.
 */
export const md = (s: string) => s.replace(/([\\`*_{}[\]()#+!|<>])/g, '\\$1');
const oneLine = (s: string, n = 80) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};
/** A Markdown link to an http(s) address, else nothing (no other scheme ever becomes a link). */
export const link = (label: string, url: string | null | undefined) =>
  url && /^https?:\/\/[^\s)]+$/i.test(url) ? `[${md(label)}](${url})` : undefined;

/** "**running** · 40% Building" / "**completed** 3 min ago — [open the app](…)". */
export function workflowLine(w: Workflow, now: number): string {
  const look = statusLook(w.status, w.pause?.type);
  const progress = progressWords(w);
  const when = isActive(w.status) ? '' : ` ${ago(Date.parse(w.updatedAt), now)}`;
  const result = link('open the app', w.result?.url);
  const error = w.error ? ` — ${md(oneLine(w.error, 200))}` : '';
  return `**${look.words}**${progress ? ` · ${md(progress)}` : when}${result ? ` — ${result}` : ''}${error}`;
}

/** The questions of a pause, numbered from 1, with their options. */
export function questionsMarkdown(questions: readonly Question[]): string {
  return questions
    .map((q, i) => {
      const options = q.options.length ? ` — ${q.options.map((o) => `\`${o.replace(/`/g, "'")}\``).join(' · ')}` : '';
      const text =
        q.allowText && q.options.length ? ' (or your own words)' : q.options.length ? '' : ' (in your words)';
      const many = q.multiSelect ? ' (one or more)' : '';
      return `${i + 1}. ${md(q.question)}${options}${many}${text}`;
    })
    .join('\n');
}

/** What a pause asks of the person, in Markdown. */
export function pauseMarkdown(pause: Pause | null | undefined): string | undefined {
  if (!pause) {
    return undefined;
  }
  if (pause.type === 'questions') {
    return `Bilt asks:\n\n${questionsMarkdown(pause.questions ?? [])}`;
  }
  const what = pause.type === 'secrets' ? 'secrets (API keys)' : 'a Supabase connection';
  const where = link('the project page', pause.projectUrl) ?? 'the project page';
  return `Bilt needs ${what}: ${pause.message ? `${md(pause.message)} ` : ''}add them at ${where}, then continue.`;
}

/** `/status`: the project, its session's state, what it waits for, and its latest workflows. */
export function sessionMarkdown(o: {
  projectName: string;
  serverLabel: string;
  view: SessionView;
  now: number;
}): string {
  const { view, now } = o;
  const latest = view.workflows[0];
  const head = `**${md(o.projectName)}** on ${md(o.serverLabel)}: ${md(sessionWords(view, now))}`;
  const pause = latest?.status === 'paused' ? pauseMarkdown(latest.pause) : undefined;
  const rows = view.workflows.slice(0, 5).map((w) => `- ${md(oneLine(w.message, 70))} — ${workflowLine(w, now)}`);
  const list = rows.length
    ? `Workflows, latest first:\n\n${rows.join('\n')}`
    : 'No workflow yet: send one with `/send`.';
  return [head, pause, list].filter(Boolean).join('\n\n');
}

/** `/log`: messages oldest first, one line each. */
export function messagesMarkdown(messages: readonly Message[]): string {
  if (messages.length === 0) {
    return 'No messages yet.';
  }
  return messages
    .map((m) => {
      const who = m.side === 'user' ? '**you**' : '**Bilt**';
      const tag = m.variant === 'info' ? '' : ` _${m.variant}_`;
      return `- \`${m.createdAt.slice(11, 19)}\` ${who}${tag}: ${md(oneLine(m.text, 300))}`;
    })
    .join('\n');
}
