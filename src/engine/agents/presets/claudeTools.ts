/** One-line descriptions of Claude Code tool calls, and progress from its to-do list tool. */
import type { LineAction } from '../command/actions';
import { clip, firstLine } from '../text';
import { objects, str, todoProgress, type JsonObject } from './json';

const MAX_ARG = 120;

/** "Edit src/app.ts", "Bash: npm test", "Grep \"useState\"", "github: create_issue"… */
export function describeTool(name: string, input: JsonObject): string {
  const arg = (key: string) => clip(firstLine(str(input[key]) ?? ''), MAX_ARG);
  switch (name) {
    case 'Read':
    case 'Write':
    case 'Edit':
    case 'MultiEdit':
      return withArg(name, arg('file_path'));
    case 'NotebookEdit':
      return withArg(name, arg('notebook_path'));
    case 'Bash':
      return withArg('Bash:', arg('command'));
    case 'Grep':
    case 'WebSearch':
      return withArg(name, quoted(arg(name === 'Grep' ? 'pattern' : 'query')));
    case 'Glob':
      return withArg(name, arg('pattern'));
    case 'WebFetch':
      return withArg(name, arg('url'));
    case 'Task':
    case 'Agent':
      return withArg(`${name}:`, arg('description'));
    case 'TodoWrite':
      return 'Update the to-do list';
  }
  const mcp = /^mcp__(.+?)__(.+)$/.exec(name);
  return mcp ? `${mcp[1]}: ${mcp[2]}` : name;
}

/** TodoWrite's `todos` (content, status, activeForm) as progress. */
export function todoWriteProgress(input: JsonObject): LineAction[] {
  const todos = objects(input['todos']);
  const done = todos.filter((t) => t['status'] === 'completed').length;
  const active = todos.find((t) => t['status'] === 'in_progress');
  const current = active ? (str(active['activeForm']) ?? str(active['content'])) : undefined;
  return todoProgress(todos.length, done, current);
}

const withArg = (label: string, value: string) => (value ? `${label} ${value}` : label.replace(/:$/, ''));
const quoted = (value: string) => (value ? `"${value}"` : '');
