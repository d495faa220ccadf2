/**
 * The command agent's stdout line protocol (documented in docs/AGENTS.md). A line that starts with
 * `::name::` for a known name is consumed; every other line (and a protocol line that does not
 * parse) is shown as a `log` message.
 *
 *   ::progress:: 45 Building components     percentage (a trailing % is allowed) and optional step
 *   ::progress:: 3/7 Running checks         step 3 of 7 → 43 %, optional step text
 *   ::progress:: Deploying                  step text only; the percentage advances a little
 *   ::info:: / ::success:: / ::error:: text a message with that variant
 *   ::result:: https://url optional summary the outcome's url (first word, if it is a URL) and summary
 */
import { say, type LineAction } from './actions';

const DIRECTIVE = /^::([a-z]+)::(?:\s+(.*))?$/;
const PERCENT = /^(\d+(?:\.\d+)?)%?$/;
const FRACTION = /^(\d+)\/(\d+)$/;
const URL_WORD = /^https?:\/\/\S+$/;

export function parseProtocolLine(line: string): LineAction[] {
  const m = DIRECTIVE.exec(line);
  if (!m) {
    return [say(line, 'log')];
  }
  const rest = (m[2] ?? '').trim();
  const actions = directive(m[1]!, rest);
  return actions ?? [say(line, 'log')];
}

/** The actions of a known directive; undefined for unknown names and malformed arguments. */
function directive(name: string, rest: string): LineAction[] | undefined {
  switch (name) {
    case 'progress':
      return progress(rest);
    case 'info':
    case 'success':
    case 'error':
      return rest ? [say(rest, name)] : [];
    case 'result':
      return result(rest);
    default:
      return undefined;
  }
}

function progress(rest: string): LineAction[] | undefined {
  if (!rest) {
    return undefined;
  }
  const [first, text] = splitFirst(rest);
  const pct = PERCENT.exec(first);
  if (pct) {
    return [withStep(Number(pct[1]), text)];
  }
  const frac = FRACTION.exec(first);
  if (frac) {
    const n = Number(frac[1]);
    const total = Number(frac[2]);
    if (total === 0) {
      return undefined;
    }
    return [withStep(Math.round((n / total) * 100), text || `Step ${n} of ${total}`)];
  }
  return [{ type: 'step', currentStep: rest }];
}

function withStep(percentage: number, text: string): LineAction {
  const p = Math.min(100, Math.max(0, percentage));
  return text ? { type: 'progress', percentage: p, currentStep: text } : { type: 'progress', percentage: p };
}

function result(rest: string): LineAction[] | undefined {
  if (!rest) {
    return undefined;
  }
  const [first, summary] = splitFirst(rest);
  if (!URL_WORD.test(first)) {
    return [{ type: 'result', summary: rest }];
  }
  return [summary ? { type: 'result', url: first, summary } : { type: 'result', url: first }];
}

/** The first word of a (trimmed) text and the rest, trimmed. */
function splitFirst(text: string): [string, string] {
  const space = text.search(/\s/);
  return space < 0 ? [text, ''] : [text.slice(0, space), text.slice(space).trim()];
}
