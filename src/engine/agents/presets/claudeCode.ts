/**
 * The `claude-code` preset: parses Claude Code's `--output-format stream-json` events (one JSON
 * object per line: system/init, assistant and user messages, and a final result) into line actions.
 */
import { say, type LineAction } from '../command/actions';
import { clip, firstLine } from '../text';
import { describeTool, todoWriteProgress } from './claudeTools';
import { list, num, obj, objects, parseJsonObject, str, type JsonObject } from './json';

export const CLAUDE_CODE_COMMAND = 'claude -p --output-format stream-json --verbose';

export function parseClaudeCodeLine(line: string): LineAction[] {
  const event = parseJsonObject(line);
  if (!event) {
    return [say(line, 'log')];
  }
  switch (event['type']) {
    case 'system':
      return system(event);
    case 'assistant':
      return assistant(event);
    case 'user':
      return toolResults(event);
    case 'result':
      return result(event);
    default:
      return []; // stream_event, tool_progress, keep-alives and future event types
  }
}

function system(event: JsonObject): LineAction[] {
  if (event['subtype'] === 'init') {
    const model = str(event['model']);
    return [
      say(`Claude Code started${model ? ` (${model})` : ''}`, 'log'),
      { type: 'progress', percentage: 0, currentStep: 'Starting Claude Code' },
    ];
  }
  if (event['subtype'] === 'compact_boundary') {
    return [say('Claude Code compacted its conversation', 'log')];
  }
  return [];
}

function assistant(event: JsonObject): LineAction[] {
  const out: LineAction[] = [];
  const error = str(event['error']);
  if (error) {
    out.push(say(`Claude Code error: ${error}`, 'error'));
  }
  for (const block of objects(obj(event['message'])?.['content'])) {
    if (block['type'] === 'text') {
      const text = (str(block['text']) ?? '').trim();
      if (text) {
        out.push(say(text, 'info'));
      }
    } else if (block['type'] === 'tool_use') {
      const name = str(block['name']) ?? 'tool';
      const input = obj(block['input']) ?? {};
      const label = describeTool(name, input);
      out.push(say(`▸ ${label}`, 'log'));
      const todo = name === 'TodoWrite' ? todoWriteProgress(input) : [];
      out.push(...(todo.length > 0 ? todo : [{ type: 'step' as const, currentStep: label }]));
    }
  }
  return out;
}

/** Tool results come back as user messages; only failed ones are worth a line. */
function toolResults(event: JsonObject): LineAction[] {
  const out: LineAction[] = [];
  for (const block of objects(obj(event['message'])?.['content'])) {
    if (block['type'] !== 'tool_result' || block['is_error'] !== true) {
      continue;
    }
    const text = clip(firstLine(contentText(block['content']).replace(/<\/?tool_use_error>/g, '')), 300);
    out.push(say(`✗ ${text || 'Tool call failed'}`, 'log'));
  }
  return out;
}

function result(event: JsonObject): LineAction[] {
  const text = (str(event['result']) ?? '').trim();
  const subtype = str(event['subtype']) ?? 'success';
  if (event['is_error'] !== true && subtype === 'success') {
    const actions: LineAction[] = [say(`Claude Code finished${stats(event)}`, 'success')];
    if (text) {
      actions.push({ type: 'result', summary: text });
    }
    return actions;
  }
  const errors = list(event['errors']).filter((e): e is string => typeof e === 'string');
  const reason = clip(text || errors.join('; ') || describeSubtype(subtype), 500);
  return [
    say(`Claude Code stopped${stats(event)}: ${reason}`, 'error'),
    { type: 'failure', error: `Claude Code failed: ${reason}` },
  ];
}

function describeSubtype(subtype: string): string {
  switch (subtype) {
    case 'error_max_turns':
      return 'it reached the maximum number of turns';
    case 'error_max_budget_usd':
      return 'it reached its budget limit';
    case 'error_during_execution':
      return 'an error occurred during execution';
    default:
      return subtype;
  }
}

/** " after 7 turns, 84.2 s, $0.4120" from whatever the result event has. */
function stats(event: JsonObject): string {
  const turns = num(event['num_turns']);
  const ms = num(event['duration_ms']);
  const cost = num(event['total_cost_usd']) ?? num(event['cost_usd']);
  const parts = [
    turns !== undefined ? `${turns} turn${turns === 1 ? '' : 's'}` : undefined,
    ms !== undefined ? `${(ms / 1000).toFixed(1)} s` : undefined,
    cost !== undefined ? `$${cost.toFixed(4)}` : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? ` after ${parts.join(', ')}` : '';
}

/** A tool result's content: a string or a list of text blocks. */
function contentText(content: unknown): string {
  if (typeof content === 'string') {
    return content;
  }
  return objects(content)
    .map((b) => str(b['text']) ?? '')
    .join('\n');
}
