/**
 * The `command` agent: runs a shell command line per workflow. Its stdout follows the line protocol
 * in protocol.ts unless a preset supplies another parser (see ../presets).
 */
import type { Variant } from '../../../core/model';
import type { Agent, AgentContext, AgentRun, ProcessGroupLog } from '../types';
import type { LineParser } from './actions';
import { CommandRun } from './commandRun';
import { parseProtocolLine } from './protocol';

export const DEFAULT_KILL_GRACE_MS = 5000;

export interface CommandAgentConfig {
  /** Agent name reported to the engine. */
  name: string;
  /** Shell command line (sh -c / cmd /c). */
  command: string;
  /** Extra environment; the BILT_* variables are set on top of it. */
  env?: Record<string, string>;
  /** stdout line → actions; the plain protocol by default. */
  parseStdout?: LineParser;
  /** Variant of stderr lines: `error` by default; presets whose tools log to stderr use `log`. */
  stderrVariant?: Variant;
  killGraceMs?: number;
  /** Where running process groups are recorded (see groupRecords.ts). */
  processGroups?: ProcessGroupLog;
  /** The command line for a session's model (presets add their CLI's model flag); unchanged by default. */
  withModel?: (command: string, model: string) => string;
}

export class CommandAgent implements Agent {
  readonly name: string;

  constructor(private readonly config: CommandAgentConfig) {
    this.name = config.name;
  }

  start(ctx: AgentContext): AgentRun {
    const { command, withModel } = this.config;
    return new CommandRun(
      {
        command: ctx.model && withModel ? withModel(command, ctx.model) : command,
        env: commandEnv(ctx, this.config.env),
        parseStdout: this.config.parseStdout ?? parseProtocolLine,
        stderrVariant: this.config.stderrVariant ?? 'error',
        killGraceMs: this.config.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
        ...(this.config.processGroups ? { processGroups: this.config.processGroups } : {}),
      },
      ctx,
    );
  }
}

/** The engine's environment, the configured extras, then what the command needs to know about the workflow. */
export function commandEnv(ctx: AgentContext, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...extra,
    PWD: ctx.workDir,
    BILT_MESSAGE: ctx.message,
    BILT_WORKFLOW_ID: ctx.workflowId,
    BILT_SESSION_ID: ctx.sessionId,
    BILT_PROJECT_ID: ctx.project.id,
    BILT_PROJECT_NAME: ctx.project.name,
    BILT_PROJECT_DESCRIPTION: ctx.project.description ?? '',
    BILT_WORK_DIR: ctx.workDir,
    ...(ctx.model ? { BILT_MODEL: ctx.model } : {}),
  };
}
