/**
 * Assembles one engine over a data dir: recovers state from the durable log, marks workflows that
 * were running when the engine stopped as interrupted, and wires service, runner and events. The HTTP
 * front and the CLI sit on top of this (http/server.ts, cli/serve.ts).
 */
import path from 'node:path';
import { AgentPool } from './agents/pool';
import type { Agent, AgentOptions } from './agents/types';
import { EventBus } from './events/eventBus';
import { Committer } from './service/committer';
import {
  DEFAULT_SERVICE_LIMITS,
  newUuid,
  systemClock,
  type Clock,
  type ServiceContext,
  type ServiceLimits,
} from './service/context';
import { EngineService } from './service/engineService';
import { Runner } from './service/runner';
import { interruptedRecords } from './service/workflowRecords';
import { loadState, openLog } from './service/openState';
import type { LogStore } from './store/logStore';
import type { OpenedLog } from './store/types';

export interface EngineConfig {
  dataDir: string;
  /** The default agent (`--agent`): it runs the work of every session that picks none. */
  agent: Agent;
  /** The options other agents a session picks are built with (`--agent-command`, `--scenario`, `--speed`). */
  agentOptions?: AgentOptions;
  /** Projects' working folders; default <dataDir>/projects. */
  workRoot?: string;
  maxConcurrent?: number;
  limits?: Partial<ServiceLimits>;
  clock?: Clock;
  compactAfterBytes?: number;
  projectUrl?: (projectId: string) => string;
  log?: (line: string) => void;
  /** The disk failed: the engine must stop. Default: log. */
  onFatal?: (error: unknown) => void;
}

export class Engine {
  private closed = false;

  private constructor(
    readonly service: EngineService,
    readonly bus: EventBus,
    private readonly ctx: ServiceContext,
    private readonly runner: Runner,
    private readonly committer: Committer,
    private readonly store: LogStore,
  ) {}

  static async open(config: EngineConfig): Promise<Engine> {
    const { store, opened } = await openLog(config.dataDir);
    try {
      return await Engine.assemble(config, store, opened);
    } catch (e) {
      // refused after the log was opened (a record it does not understand, a failed recovery commit):
      // close its files, so a caller that retries or goes on does not leak them
      await store.close().catch(() => undefined);
      throw e;
    }
  }

  private static async assemble(config: EngineConfig, store: LogStore, opened: OpenedLog): Promise<Engine> {
    const log = config.log ?? (() => undefined);
    const state = await loadState(config.dataDir, store, opened, log);
    const bus = new EventBus();
    bus.setLastId(store.lastSeq);
    const committer = new Committer(store, state, bus, {
      compactAfterBytes: config.compactAfterBytes ?? 8 * 1024 * 1024,
      onFatal: config.onFatal ?? ((e) => log(`fatal: ${String(e)}`)),
      log,
    });
    const ctx: ServiceContext = {
      state,
      committer,
      bus,
      clock: config.clock ?? systemClock,
      limits: { ...DEFAULT_SERVICE_LIMITS, ...config.limits },
      newId: newUuid,
      projectUrl: config.projectUrl ?? ((id) => `bilt-engine://projects/${id}`),
    };
    const runner = new Runner(ctx, {
      agents: new AgentPool(config.agent, config.agentOptions),
      workRoot: config.workRoot ?? path.join(config.dataDir, 'projects'),
      maxConcurrent: config.maxConcurrent ?? 4,
      log,
    });
    const engine = new Engine(new EngineService(ctx, runner), bus, ctx, runner, committer, store);
    await engine.interruptActive('the engine stopped');
    return engine;
  }

  /** A project's own folder (the builder's app, served at /apps/<projectId>/); undefined: no such project. */
  projectFolder(projectId: string): string | undefined {
    return this.runner.projectFolder(projectId);
  }

  /** Stops agents (their workflows become interrupted and resumable), then closes the log. */
  async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    await this.interruptActive('the engine was shut down').catch(() => undefined);
    await this.runner.stopAll();
    await this.committer.close();
    await this.store.close();
  }

  private async interruptActive(why: string): Promise<void> {
    const active = this.ctx.state.activeWorkflows();
    if (active.length === 0) {
      return;
    }
    await this.committer.commit(active.flatMap((w) => interruptedRecords(this.ctx, w, why)));
  }
}
