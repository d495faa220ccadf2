/**
 * The agents of one engine: the default one (`--agent`) and, built on first use with the engine's
 * agent options, one instance per other agent a session picks. The Session API names agents in the
 * gateway style (CLAUDE_CODE, case-insensitive, `-` and `_` alike); agentIdOf and canonicalId translate.
 */
import { AGENT_NAMES, createAgent, isAgentName } from './index';
import type { Agent, AgentOptions } from './types';

/** An agent's name as the Session API reports it: `claude-code` → `CLAUDE_CODE`. */
export const agentIdOf = (name: string): string => name.toUpperCase().replace(/-/g, '_');

const nameOf = (agentId: string): string => agentId.trim().toLowerCase().replace(/_/g, '-');

export class AgentPool {
  private readonly built = new Map<string, Agent>();

  constructor(
    readonly defaultAgent: Agent,
    private readonly options: AgentOptions = {},
  ) {
    this.built.set(defaultAgent.name, defaultAgent);
  }

  /** The id of the engine's default agent, reported for sessions that name none. */
  get defaultId(): string {
    return agentIdOf(this.defaultAgent.name);
  }

  /** Every id a session may name. */
  get knownIds(): string[] {
    return [...new Set([...AGENT_NAMES.map(agentIdOf), this.defaultId])];
  }

  /** The id in the API's style for an id written in any case, with `-` or `_`; undefined when unknown. */
  canonicalId(agentId: string): string | undefined {
    const name = nameOf(agentId);
    return name === this.defaultAgent.name || isAgentName(name) ? agentIdOf(name) : undefined;
  }

  /**
   * The agent that runs a session's work (the default when it names none), built on first use.
   * Throws the factory's BiltError('invalid_input') when it cannot be built (a command agent without
   * `--agent-command`).
   */
  forId(agentId: string | undefined): Agent {
    const name = agentId === undefined ? this.defaultAgent.name : nameOf(agentId);
    let agent = this.built.get(name);
    if (!agent) {
      agent = createAgent(name, this.optionsFor(name));
      this.built.set(name, agent);
    }
    return agent;
  }

  /**
   * `--agent-command` is the command agent's command line; it replaces a preset's default only when
   * that preset is the engine's `--agent` (built in the constructor), so a session that picks
   * CLAUDE_CODE on an emulator engine runs Claude Code itself.
   */
  private optionsFor(name: string): AgentOptions {
    if (name === 'command') {
      return this.options;
    }
    const { command: _command, ...others } = this.options;
    return others;
  }
}
