/**
 * What people type, checked as they type: live counts against the limits, the name rules, server
 * URLs, and answers from their picks. Pure, so unit-tested; whether an action may happen at all is
 * the actions' decision (src/actions), not this file's.
 */
import { LIMITS, PROJECT_NAME_PATTERN } from '../core/limits';
import type { Answer, Question } from '../core/model';

/** Live character count; an error only when the text cannot be sent. */
export function messageInput(text: string): { count: string; error?: string } {
  const n = text.length;
  const count = `${n} / ${LIMITS.messageMax} characters`;
  if (n === 0) {
    return { count, error: 'Type an instruction for Bilt (at least 1 character)' };
  }
  if (n > LIMITS.messageMax) {
    return { count, error: `Too long: ${n} / ${LIMITS.messageMax} characters (remove ${n - LIMITS.messageMax})` };
  }
  return { count };
}

export function reasonInput(text: string): string | undefined {
  return text.length > LIMITS.reasonMax
    ? `The reason may have at most ${LIMITS.reasonMax} characters (now ${text.length})`
    : undefined;
}

export function projectNameInput(name: string, existing: readonly string[]): string | undefined {
  if (!name) {
    return 'A name is required';
  }
  if (name.length > LIMITS.projectNameMax) {
    return `At most ${LIMITS.projectNameMax} characters (now ${name.length})`;
  }
  if (!PROJECT_NAME_PATTERN.test(name)) {
    return 'Only letters, digits, hyphens and underscores';
  }
  if (existing.some((e) => e.toLowerCase() === name.toLowerCase())) {
    return `A project named "${name}" already exists`;
  }
  return undefined;
}

export function descriptionInput(text: string): string | undefined {
  return text.length > LIMITS.descriptionMax
    ? `At most ${LIMITS.descriptionMax} characters (now ${text.length})`
    : undefined;
}

export const OTHER_ANSWER = 'Other…';

/** The choices offered for a question (plus "Other…" where free text is allowed). */
export function answerChoices(q: Question): string[] {
  return [...q.options, ...(q.allowText && q.options.length > 0 ? [OTHER_ANSWER] : [])];
}

/** One answer from what the user picked (and typed, for "Other…" or a text-only question). */
export function answerFrom(index: number, q: Question, picked: readonly string[], text?: string): Answer {
  const selectedOptions = picked.filter((p) => p !== OTHER_ANSWER && q.options.includes(p));
  return { questionIndex: index, selectedOptions, ...(text !== undefined && text !== '' ? { text } : {}) };
}

const LOOPBACK = /^(localhost|127(?:\.\d+){3}|\[::1\])$/i;

/** A server URL as typed: an error when it cannot be used, a warning when the token would travel unencrypted. */
export function serverUrlInput(text: string, existing: readonly string[] = []): { error?: string; warning?: string } {
  const v = text.trim().replace(/\/+$/, '');
  if (!v || v === 'https:' || v === 'http:') {
    return { error: 'Type the server URL, e.g. https://mcp.bilt.me/mcp' };
  }
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    return { error: 'Not a URL (it starts with https:// or http://)' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    return { error: 'Only http:// and https:// URLs are supported' };
  }
  if (u.username || u.password) {
    return { error: 'Leave credentials out of the URL: the token is asked next and kept in secret storage' };
  }
  if (existing.includes(v)) {
    return { error: 'This server is already configured' };
  }
  if (u.protocol === 'http:' && !LOOPBACK.test(u.hostname)) {
    return { warning: 'Plain http: the token would be sent unencrypted (prefer https://)' };
  }
  return {};
}
