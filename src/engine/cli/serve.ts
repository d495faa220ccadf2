/**
 * `serve`: take the data dir's lock (or report the engine that holds it), open the engine, listen on
 * 127.0.0.1, publish the discovery file and the ready line, and shut down cleanly on SIGTERM/SIGINT.
 */
import { randomBytes } from 'node:crypto';
import { VERSION } from '../../core/version';
import { ToolSet } from '../../mcp/kit/toolServer';
import { GroupRecords } from '../agents/command/groupRecords';
import { stopLeftoverGroups } from '../agents/command/leftoverGroups';
import { createAgent } from '../agents/index';
import type { Agent, AgentOptions } from '../agents/types';
import { Engine } from '../engine';
import { EVENTS_PATH, LIVE_MCP_PATH, SEED_MCP_PATH, startHttpServer } from '../http/server';
import { OPENAPI_PATH, SESSION_API_PATH } from '../http/sessionApiRoutes';
import { liveTools } from '../tools/live/index';
import { seedTools } from '../tools/seed/index';
import type { ServeArgs } from './args';
import { probe, readDiscovery, removeDiscovery, writeDiscovery, type Discovery } from '../../api/local/discovery';
import { prepareDataDir } from './dataDir';
import { acquireLock } from './lock';
import { AppAddresses } from './appAddresses';

export interface ServeIo {
  /** The one ready line (JSON) goes here. */
  stdout(line: string): void;
  /** Diagnostics (never the token). */
  stderr(line: string): void;
  env: NodeJS.ProcessEnv;
}

/** Returns the exit code when the engine stops (or at once when another engine owns the data dir). */
export async function serve(args: ServeArgs, io: ServeIo): Promise<number> {
  const log = (line: string) => io.stderr(`[bilt-engine] ${line}`);
  const processGroups = GroupRecords.forDataDir(args.dataDir);
  const apps = new AppAddresses();
  const agentOptions: AgentOptions = {
    processGroups,
    appUrlFor: (projectId, workDir) => apps.urlFor(projectId, workDir),
    ...(args.builderHoldAt !== undefined ? { builderHoldAt: args.builderHoldAt } : {}),
    ...(args.agentCommand !== undefined ? { command: args.agentCommand } : {}),
    ...(args.scenario !== undefined ? { scenario: args.scenario } : {}),
    ...(args.speed !== undefined ? { speed: args.speed } : {}),
  };
  const agent = createAgent(args.agent, agentOptions);
  const refused = await prepareDataDir(args.dataDir, log);
  if (refused) {
    log(refused);
    return 1;
  }
  const lock = await acquireLock(args.dataDir);
  if (!lock.acquired) {
    return reportRunning(args.dataDir, lock.heldBy, io);
  }
  try {
    // before recovery marks their workflows interrupted: stop what a killed engine left running
    await stopLeftoverGroups(processGroups, log);
    return await serveLocked(args, io, { agent, agentOptions, apps }, lock.release, log);
  } catch (e) {
    await lock.release().catch(() => undefined);
    throw e;
  }
}

async function serveLocked(
  args: ServeArgs,
  io: ServeIo,
  { agent, agentOptions, apps }: { agent: Agent; agentOptions: AgentOptions; apps: AppAddresses },
  releaseLock: () => Promise<void>,
  log: (line: string) => void,
): Promise<number> {
  const token = io.env.BILT_ENGINE_TOKEN || `bilt_local_${randomBytes(24).toString('base64url')}`;
  let baseUrl = '';
  let stopping: Promise<number> | undefined;
  let fatal = false;
  const engine = await Engine.open({
    dataDir: args.dataDir,
    agent,
    agentOptions,
    ...(args.workRoot !== undefined ? { workRoot: args.workRoot } : {}),
    maxConcurrent: args.maxConcurrent,
    limits: {
      waitTimeoutMs: args.waitTimeoutMs,
      messagesPerHourPerProject: args.messagesPerHour,
      projectsPerHour: args.projectsPerHour,
      maxProjects: args.maxProjects,
    },
    projectUrl: (id) => `${baseUrl}/projects/${id}`,
    log,
    onFatal: (e) => {
      log(`fatal: the state log cannot be written (${String(e)}); stopping`);
      fatal = true;
      void stop('disk failure');
    },
  });
  const startedAt = new Date().toISOString();
  const http = await startHttpServer({
    port: args.port,
    token,
    rateLimitPerMinute: args.rateLimit,
    service: engine.service,
    bus: engine.bus,
    seedTools: new ToolSet(seedTools(engine.service)),
    liveTools: new ToolSet(liveTools(engine.service)),
    toolServer: { name: 'bilt-engine', version: VERSION, log },
    info: () => ({
      name: 'bilt-engine',
      version: VERSION,
      pid: process.pid,
      agent: agent.name,
      dataDir: args.dataDir,
      startedAt,
      endpoints: {
        seed: SEED_MCP_PATH,
        live: LIVE_MCP_PATH,
        events: EVENTS_PATH,
        sessions: SESSION_API_PATH,
        openApi: OPENAPI_PATH,
      },
    }),
    appDir: (projectId) => engine.projectFolder(projectId),
    log,
  });
  baseUrl = http.url;
  apps.serving(http.url, (projectId) => engine.projectFolder(projectId));
  if (args.demo && engine.service.listProjects().length === 0) {
    await engine.service.createProject({ name: 'demo', description: 'A demo project for the local Bilt engine' });
  }
  const discovery: Discovery = {
    url: http.url,
    mcpUrl: `${http.url}${SEED_MCP_PATH}`,
    liveMcpUrl: `${http.url}${LIVE_MCP_PATH}`,
    eventsUrl: `${http.url}${EVENTS_PATH}`,
    token,
    pid: process.pid,
    version: VERSION,
    agent: agent.name,
    dataDir: args.dataDir,
    startedAt,
  };
  await writeDiscovery(args.dataDir, discovery);

  let resolveExit!: (code: number) => void;
  const exited = new Promise<number>((r) => (resolveExit = r));
  const stop = (why: string): Promise<number> =>
    (stopping ??= (async () => {
      log(`stopping (${why})`);
      await http.close();
      await engine.close().catch((e: unknown) => log(`close: ${String(e)}`));
      await removeDiscovery(args.dataDir, process.pid).catch(() => undefined);
      await releaseLock().catch(() => undefined);
      const code = fatal ? 1 : 0;
      resolveExit(code);
      return code;
    })());
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  io.stdout(JSON.stringify(discovery));
  // whoever started us may close our stdout once it has the ready line; later writes must not crash us
  process.stdout.on('error', () => undefined);
  log(
    `listening on ${http.url} (seed MCP ${SEED_MCP_PATH}, live MCP ${LIVE_MCP_PATH}, Session API ${SESSION_API_PATH}, events ${EVENTS_PATH}); agent ${agent.name}; data ${args.dataDir}; token in ${args.dataDir}/engine.json`,
  );
  return exited;
}

async function reportRunning(dataDir: string, pid: number, io: ServeIo): Promise<number> {
  // The owner may still be starting: give it a bounded moment to publish its discovery file.
  for (let i = 0; i < 20; i++) {
    const d = await readDiscovery(dataDir);
    if (d && d.pid === pid && (await probe(d))) {
      io.stdout(JSON.stringify({ ...d, alreadyRunning: true }));
      io.stderr(`[bilt-engine] an engine (pid ${pid}) already serves ${dataDir} at ${d.url}`);
      return 0;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  io.stderr(
    `[bilt-engine] ${dataDir} is locked by pid ${pid}, which does not answer; stop it, or remove ${dataDir}/engine.lock if no engine runs`,
  );
  return 1;
}
