/**
 * The agent factory the engine CLI calls: `--agent NAME` picks one of AGENT_NAMES and the other
 * agent flags become AgentOptions. See docs/AGENTS.md.
 */
import { BiltError } from '../../core/errors';
import { BuilderAgent, holdAt } from './builder/builderAgent';
import { CommandAgent } from './command/commandAgent';
import { EmulatorAgent } from './emulator/emulatorAgent';
import { readScenarioFile } from './emulator/scenario';
import { PRESETS } from './presets';
import { withModelFlag } from './presets/model';
import type { Agent, AgentOptions } from './types';

export const AGENT_NAMES = ['builder', 'emulator', 'command', 'claude-code', 'codex'] as const;
export type AgentName = (typeof AGENT_NAMES)[number];
export const DEFAULT_AGENT: AgentName = 'builder';

export function isAgentName(name: string): name is AgentName {
  return (AGENT_NAMES as readonly string[]).includes(name);
}

/** Builds the named agent; throws a BiltError('invalid_input') for unknown names and bad options. */
export function createAgent(name: string = DEFAULT_AGENT, options: AgentOptions = {}): Agent {
  if (!isAgentName(name)) {
    throw new BiltError('invalid_input', `Unknown agent "${name}"; available agents: ${AGENT_NAMES.join(', ')}`, {
      agent: name,
      available: [...AGENT_NAMES],
    });
  }
  checkNumber('killGraceMs', options.killGraceMs);
  checkNumber('speed', options.speed);
  switch (name) {
    case 'builder':
      return new BuilderAgent({
        appUrlFor: options.appUrlFor ?? (() => undefined),
        ...(options.builderHoldAt !== undefined ? { onStep: holdAt(options.builderHoldAt) } : {}),
      });
    case 'emulator':
      return new EmulatorAgent({
        ...(options.scenario !== undefined ? { scenario: readScenarioFile(options.scenario) } : {}),
        speed: options.speed ?? 1,
      });
    case 'command': {
      const command = options.command?.trim();
      if (!command) {
        throw new BiltError(
          'invalid_input',
          'The command agent needs a command line to run: pass --agent-command "CMD"',
          { agent: name },
        );
      }
      return new CommandAgent({ name, command, ...commandOptions(options) });
    }
    case 'claude-code':
    case 'codex': {
      const preset = PRESETS[name];
      const command = options.command?.trim() || preset.defaultCommand;
      return new CommandAgent({
        name,
        command,
        parseStdout: preset.parseStdout,
        stderrVariant: 'log',
        withModel: (line: string, model: string) => withModelFlag(line, preset.modelFlag, model),
        ...commandOptions(options),
      });
    }
  }
}

function commandOptions(options: AgentOptions) {
  return {
    ...(options.env !== undefined ? { env: options.env } : {}),
    ...(options.killGraceMs !== undefined ? { killGraceMs: options.killGraceMs } : {}),
    ...(options.processGroups !== undefined ? { processGroups: options.processGroups } : {}),
  };
}

function checkNumber(field: 'killGraceMs' | 'speed', value: number | undefined): void {
  if (value === undefined || (Number.isFinite(value) && value >= 0)) {
    return;
  }
  throw new BiltError('invalid_input', `${field} must be a number ≥ 0 (got ${String(value)})`, { field });
}

export type { Agent, AgentContext, AgentOptions, AgentOutcome, AgentRun } from './types';
