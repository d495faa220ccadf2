/** How messages read: one log line each for the live channel, and whole transcripts (Markdown, JSON). */
import type { Message, Project, Workflow } from '../core/model';

const time = (iso: string) => (iso.length >= 19 ? iso.slice(11, 19) : iso);

/** `10:42:13  you      Add a login screen` / `10:42:15  bilt     [log] Compiling 42 modules`. */
export function logLine(m: Message): string {
  const who = m.side === 'user' ? 'you ' : 'bilt';
  const tag = m.variant === 'info' ? '' : `[${m.variant}] `;
  const [first, ...rest] = m.text.split('\n');
  const pad = ' '.repeat(16);
  return [`${time(m.createdAt)}  ${who}  ${tag}${first ?? ''}`, ...rest.map((l) => pad + l)].join('\n');
}

export function logHeader(project: Project, sessionId: string, shown: number, total: number): string {
  const earlier = total - shown;
  return [
    `Bilt · ${project.name} · session ${sessionId}`,
    earlier > 0
      ? `… ${earlier} earlier message${earlier === 1 ? '' : 's'} not shown (Bilt: Export Transcript has them all)`
      : undefined,
  ]
    .filter(Boolean)
    .join('\n');
}

export function transcriptMarkdown(
  project: Project,
  sessionId: string,
  workflows: Workflow[],
  messages: Message[],
): string {
  const lines = [
    `# ${project.name}`,
    '',
    `Session \`${sessionId}\` · ${messages.length} messages · exported ${new Date().toISOString()}`,
    '',
  ];
  let wf: string | null | undefined;
  for (const m of messages) {
    if (m.workflowId !== wf) {
      wf = m.workflowId;
      const w = workflows.find((x) => x.id === wf);
      lines.push('', `## Workflow ${wf ?? '(none)'}${w ? ` — ${w.status}` : ''}`, '');
    }
    const who = m.side === 'user' ? '**You**' : '**Bilt**';
    const tag = m.variant === 'info' ? '' : ` _${m.variant}_`;
    const body = m.variant === 'log' ? '`' + m.text.replace(/`/g, "'") + '`' : m.text;
    lines.push(`- ${m.createdAt} ${who}${tag}: ${body.replace(/\n/g, '\n  ')}`);
  }
  return lines.join('\n') + '\n';
}

export function transcriptJson(
  project: Project,
  sessionId: string,
  workflows: Workflow[],
  messages: Message[],
): string {
  return (
    JSON.stringify({ project, sessionId, exportedAt: new Date().toISOString(), workflows, messages }, null, 2) + '\n'
  );
}
