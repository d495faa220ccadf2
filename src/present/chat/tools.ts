/** One line per tool a model called in a `@bilt` turn: its name and what it answered (or refused). */
import { md } from './session';

const MAX_SHOWN = 240;

export function toolOutcomeLine(toolName: string, resultText: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(resultText);
  } catch {
    parsed = undefined;
  }
  const body = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  if (body && typeof body['error'] === 'string') {
    const details = (body['details'] ?? {}) as Record<string, unknown>;
    const why = typeof details['message'] === 'string' ? `: ${details['message']}` : '';
    return `- \`${toolName}\` refused: ${md(`${body['error']}${why}`)}`;
  }
  const flat = resultText.replace(/\s+/g, ' ').trim();
  const shown = flat.length > MAX_SHOWN ? `${flat.slice(0, MAX_SHOWN - 1)}…` : flat;
  return `- \`${toolName}\`: \`${shown.replace(/`/g, "'")}\``;
}
