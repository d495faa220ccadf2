/** Coding-agent CLIs run through the command agent, with a parser for their JSON event stream. */
import type { LineParser } from '../command/actions';
import { CLAUDE_CODE_COMMAND, parseClaudeCodeLine } from './claudeCode';
import { CODEX_COMMAND, parseCodexLine } from './codex';

export interface Preset {
  /** Command line used when --agent-command is not given; the prompt arrives on stdin. */
  defaultCommand: string;
  parseStdout: LineParser;
  /** The CLI's flag that picks a model (a session's `data.model`). */
  modelFlag: string;
}

export const PRESETS = {
  'claude-code': { defaultCommand: CLAUDE_CODE_COMMAND, parseStdout: parseClaudeCodeLine, modelFlag: '--model' },
  codex: { defaultCommand: CODEX_COMMAND, parseStdout: parseCodexLine, modelFlag: '-m' },
} as const satisfies Record<string, Preset>;

export type PresetName = keyof typeof PRESETS;

export { parseClaudeCodeLine, parseCodexLine };
