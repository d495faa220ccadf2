/**
 * The `codex` preset: parses `codex exec --json` JSONL thread events (thread.*, turn.*, item.* with
 * agent_message, reasoning, command_execution, file_change, mcp_tool_call, web_search, todo_list,
 * plan and error items) into line actions.
 */
import { say, type LineAction } from '../command/actions';
import { clip, firstLine } from '../text';
import { num, obj, objects, parseJsonObject, str, todoProgress, type JsonObject } from './json';

export const CODEX_COMMAND = 'codex exec --json -';

type Phase = 'started' | 'updated' | 'completed';

export function parseCodexLine(line: string): LineAction[] {
  const event = parseJsonObject(line);
  if (!event) {
    return [say(line, 'log')];
  }
  const type = str(event['type']) ?? '';
  if (type.startsWith('item.')) {
    const item = obj(event['item']);
    const phase = type.slice('item.'.length);
    return item && (phase === 'started' || phase === 'updated' || phase === 'completed')
      ? itemActions(phase, item)
      : [];
  }
  switch (type) {
    case 'thread.started':
      return [say('Codex started', 'log'), { type: 'progress', percentage: 0, currentStep: 'Starting Codex' }];
    case 'turn.completed':
      return [say(`Codex finished${usage(obj(event['usage']))}`, 'success')];
    case 'turn.failed': {
      const message = str(obj(event['error'])?.['message']) ?? 'the turn failed';
      return [say(`Codex failed: ${message}`, 'error'), { type: 'failure', error: `Codex failed: ${message}` }];
    }
    case 'error':
      return [say(`Codex error: ${str(event['message']) ?? 'unknown error'}`, 'error')];
    default:
      return []; // turn.started, item.plan.delta, request_user_input and future event types
  }
}

function itemActions(phase: Phase, item: JsonObject): LineAction[] {
  const text = (str(item['text']) ?? '').trim();
  switch (item['type']) {
    case 'agent_message':
      return phase === 'completed' && text ? [say(text, 'info'), { type: 'result', summary: text }] : [];
    case 'plan':
      return phase === 'completed' && text ? [say(text, 'info')] : [];
    case 'reasoning': {
      const heading = clip(firstLine(text).replace(/\*\*/g, ''), 80);
      return phase === 'completed' && heading ? [{ type: 'step', currentStep: heading }] : [];
    }
    case 'command_execution':
      return command(phase, item);
    case 'file_change':
      return phase === 'completed' ? fileChange(item) : [];
    case 'mcp_tool_call': {
      const label = `${str(item['server']) ?? 'mcp'}: ${str(item['tool']) ?? 'tool'}`;
      if (phase === 'started') {
        return [say(`▸ ${label}`, 'log'), { type: 'step', currentStep: label }];
      }
      const error = str(obj(item['error'])?.['message']);
      return phase === 'completed' && item['status'] === 'failed'
        ? [say(`✗ ${label}${error ? `: ${error}` : ''}`, 'log')]
        : [];
    }
    case 'web_search': {
      if (phase === 'started') {
        return [{ type: 'step', currentStep: 'Searching the web' }];
      }
      const query = str(item['query']);
      return phase === 'completed' ? [say(`▸ Search${query ? ` "${clip(query, 120)}"` : ''}`, 'log')] : [];
    }
    case 'todo_list': {
      const items = objects(item['items']);
      const done = items.filter((t) => t['completed'] === true).length;
      const next = items.find((t) => t['completed'] !== true);
      return todoProgress(items.length, done, next ? str(next['text']) : undefined);
    }
    case 'error': {
      const message = str(item['message']);
      return message ? [say(`Warning: ${message}`, 'log')] : [];
    }
    default:
      return [];
  }
}

function command(phase: Phase, item: JsonObject): LineAction[] {
  const cmd = clip(firstLine(unwrapShell(str(item['command']) ?? '')), 120);
  if (phase === 'started') {
    return [say(`▸ $ ${cmd}`, 'log'), { type: 'step', currentStep: `Running ${clip(cmd, 60)}` }];
  }
  if (phase !== 'completed') {
    return [];
  }
  const status = item['status'];
  const code = num(item['exit_code']);
  if (status === 'declined') {
    return [say(`✗ Declined: ${cmd}`, 'log')];
  }
  if (status === 'failed' || (code !== undefined && code !== 0)) {
    return [say(`✗ ${cmd}${code !== undefined ? ` (exit code ${code})` : ''}`, 'log')];
  }
  return [];
}

function fileChange(item: JsonObject): LineAction[] {
  const changes = objects(item['changes']);
  const verb = (kind: unknown) => (kind === 'add' ? 'Add' : kind === 'delete' ? 'Delete' : 'Edit');
  const paths = changes.map((c) => str(c['path']) ?? '?');
  if (item['status'] === 'failed') {
    return [say(`✗ Could not change ${paths.join(', ')}`, 'log')];
  }
  const out: LineAction[] = changes.map((c, i) => say(`▸ ${verb(c['kind'])} ${paths[i]}`, 'log'));
  if (paths.length > 0) {
    out.push({ type: 'step', currentStep: `Editing ${paths[paths.length - 1]}` });
  }
  return out;
}

/** Codex runs commands as `bash -lc '…'`; show what is inside. */
function unwrapShell(command: string): string {
  const m = /^(?:\/\S*\/)?(?:ba|z)?sh -l?c (['"])([\s\S]*)\1$/.exec(command.trim());
  return m ? m[2]! : command;
}

function usage(u: JsonObject | undefined): string {
  const input = num(u?.['input_tokens']);
  const output = num(u?.['output_tokens']);
  if (input === undefined || output === undefined) {
    return '';
  }
  const cached = num(u?.['cached_input_tokens']);
  return ` (${input} input tokens${cached ? `, ${cached} cached` : ''}, ${output} output tokens)`;
}
