/** The engine's command line, parsed with node's parseArgs; bad values name the flag and the rule. */
import { parseArgs } from 'node:util';
import { LIMITS } from '../../core/limits';
import { defaultDataDir } from '../../api/local/discovery';
import { DEFAULT_AGENT } from '../agents/index';
import { BUILDER_STEPS, type BuilderStep } from '../agents/types';

export const USAGE = `Usage: bilt-engine <command> [options]

Commands:
  serve     Run the engine in the foreground (prints one JSON line on stdout when ready)
  status    Print the running engine's discovery record (exit 1 if none answers)
  stop      Ask the running engine to shut down (SIGTERM) and wait until it has
  repair    Make a data dir whose state is damaged open again: keep every valid record, move the
            damaged bytes aside into <data-dir>/state/damaged/ (the engine must not be running)

Options (serve):
  --port N               TCP port on 127.0.0.1 (default 0: any free port)
  --data-dir DIR         State, lock and discovery file (default $BILT_ENGINE_DATA_DIR or ~/.bilt/engine)
  --agent NAME           builder (default), emulator, command, claude-code, codex
  --agent-command CMD    Command line for the command agent (or to override a preset's)
  --scenario FILE        Emulator scenario (JSON); the built-in plan → build → deploy otherwise
  --speed X              Emulator time scale (1 = real time, 0 = no waiting)
  --builder-hold-at STEP For tests: every builder workflow waits as STEP (plan, generate, check, commit,
                         deploy) starts, until it is cancelled
  --work-root DIR        Projects' working folders (default <data-dir>/projects)
  --max-concurrent N     Workflows running at once (default 4; more wait as pending)
  --wait-timeout S       Longest wait_for_response / live send block, seconds (default 300)
  --rate-limit N         Requests per minute per token, 0 = off (default 0)
  --messages-per-hour N  Messages per hour per project (default 100)
  --projects-per-hour N  Project creations per hour (default 10)
  --max-projects N       Active projects (default 100)
  --demo                 Create a project named "demo" if there are no projects
Environment: BILT_ENGINE_TOKEN sets the token (default: random per start).`;

export interface ServeArgs {
  port: number;
  dataDir: string;
  agent: string;
  agentCommand: string | undefined;
  scenario: string | undefined;
  speed: number | undefined;
  builderHoldAt: BuilderStep | undefined;
  workRoot: string | undefined;
  maxConcurrent: number;
  waitTimeoutMs: number;
  rateLimit: number;
  messagesPerHour: number;
  projectsPerHour: number;
  maxProjects: number;
  demo: boolean;
}

export class UsageError extends Error {}

function num(
  flag: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
  integer = true,
): number {
  if (raw === undefined) {
    return fallback;
  }
  const n = Number(raw);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw new UsageError(
      `--${flag} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max} (got ${JSON.stringify(raw)})`,
    );
  }
  return n;
}

function step(raw: string | undefined): BuilderStep | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const found = BUILDER_STEPS.find((s) => s === raw);
  if (!found) {
    throw new UsageError(`--builder-hold-at must be one of ${BUILDER_STEPS.join(', ')} (got ${JSON.stringify(raw)})`);
  }
  return found;
}

export function parseCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): { command: string; serve: ServeArgs; dataDir: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        agent: { type: 'string' },
        'agent-command': { type: 'string' },
        scenario: { type: 'string' },
        speed: { type: 'string' },
        'builder-hold-at': { type: 'string' },
        'work-root': { type: 'string' },
        'max-concurrent': { type: 'string' },
        'wait-timeout': { type: 'string' },
        'rate-limit': { type: 'string' },
        'messages-per-hour': { type: 'string' },
        'projects-per-hour': { type: 'string' },
        'max-projects': { type: 'string' },
        demo: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  const command = v.help ? 'help' : (parsed.positionals[0] ?? 'help');
  if (!['serve', 'status', 'stop', 'repair', 'help'].includes(command)) {
    throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  }
  const dataDir = v['data-dir'] ?? defaultDataDir(env);
  const serve: ServeArgs = {
    port: num('port', v.port, 0, 0, 65535),
    dataDir,
    agent: v.agent ?? DEFAULT_AGENT,
    agentCommand: v['agent-command'],
    scenario: v.scenario,
    speed: v.speed === undefined ? undefined : num('speed', v.speed, 1, 0, 1000, false),
    builderHoldAt: step(v['builder-hold-at']),
    workRoot: v['work-root'],
    maxConcurrent: num('max-concurrent', v['max-concurrent'], 4, 1, 64),
    waitTimeoutMs: num('wait-timeout', v['wait-timeout'], LIMITS.waitTimeoutMs / 1000, 0, 3600, false) * 1000,
    rateLimit: num('rate-limit', v['rate-limit'], 0, 0),
    messagesPerHour: num('messages-per-hour', v['messages-per-hour'], LIMITS.messagesPerHourPerProject, 1),
    projectsPerHour: num('projects-per-hour', v['projects-per-hour'], LIMITS.projectsPerHour, 1),
    maxProjects: num('max-projects', v['max-projects'], LIMITS.maxProjects, 1),
    demo: v.demo ?? false,
  };
  return { command, serve, dataDir };
}
