/**
 * "Send to Bilt" from the editor or the explorer: code as the context of a message (the path, the line
 * range, the language, and the code in a fenced block), cut by whole lines to fit the 5,000-character
 * message with room for the instruction, and saying exactly what was left out.
 */
import { LIMITS } from '../core/limits';

/** Characters kept free for the person's instruction above the code. */
export const ROOM_FOR_INSTRUCTION = 600;

export interface CodeExcerpt {
  /** Workspace-relative path. */
  path: string;
  language: string;
  /** 1-based, inclusive. */
  startLine: number;
  code: string;
}

export interface CodeContext {
  /** The draft: a line for the instruction, then the context block. */
  text: string;
  /** What was left out, in words; undefined when everything fits. */
  cut: string | undefined;
}

function fence(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(longest + 1);
}

export function codeContext(e: CodeExcerpt, limit: number = LIMITS.messageMax - ROOM_FOR_INSTRUCTION): CodeContext {
  const lines = e.code.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  const endLine = e.startLine + lines.length - 1;
  const head = (last: number) =>
    `From \`${e.path}\`${last > e.startLine || lines.length > 1 ? `, lines ${e.startLine}–${last}` : `, line ${e.startLine}`} (${e.language}):`;
  const block = (kept: string[], last: number) => {
    const code = kept.join('\n');
    const f = fence(code);
    return `${head(last)}\n${f}${e.language}\n${code}\n${f}`;
  };
  let kept = lines;
  while (kept.length > 1 && block(kept, e.startLine + kept.length - 1).length > limit) {
    kept = kept.slice(0, Math.max(1, Math.floor(kept.length * 0.9)));
  }
  while (
    kept.length < lines.length &&
    block(lines.slice(0, kept.length + 1), e.startLine + kept.length).length <= limit
  ) {
    kept = lines.slice(0, kept.length + 1);
  }
  const last = e.startLine + kept.length - 1;
  let text = block(kept, last);
  if (text.length > limit) {
    text = `${text.slice(0, limit - 1)}…`; // one line longer than a whole message: cut inside it
  }
  const cut =
    last < endLine
      ? `lines ${last + 1}–${endLine} of \`${e.path}\` were left out: a message holds ${LIMITS.messageMax} characters`
      : undefined;
  return { text: `\n\n${text}${cut ? `\n\n(${cut}.)` : ''}`, cut };
}
