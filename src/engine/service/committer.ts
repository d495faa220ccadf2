/**
 * The one way state changes: records are appended to the durable log, applied to memory at once (so
 * concurrent requests see each other's changes and cannot both start a workflow), and published as
 * events only after they are on disk. Callers acknowledge a change by awaiting commit().
 */
import { BiltError } from '../../core/errors';
import type { EngineEvent } from '../events/eventBus';
import type { EventBus } from '../events/eventBus';
import type { EngineState } from '../state/engineState';
import type { ChangeRecord } from '../state/records';
import type { LogStore } from '../store/logStore';
import { compactState } from './openState';

export interface CommitterOptions {
  /** Compact once this many bytes of log follow the last snapshot. */
  compactAfterBytes: number;
  /** Called once when the disk fails; the engine stops (fail-stop) rather than run on unsaved state. */
  onFatal(error: unknown): void;
  log(line: string): void;
}

/**
 * Back-pressure: once this many records wait for the disk, agents that produce output faster than it
 * can be stored are held (backlog()) until the wait is down to BACKLOG_LOW, so reads (which wait for
 * everything committed before them: settled()) stay quick and memory stays bounded.
 */
const BACKLOG_HIGH = 2000;
const BACKLOG_LOW = 500;

/** Log since the snapshot worth compacting at shutdown. */
const SHUTDOWN_COMPACT_BYTES = 1024 * 1024;

export class Committer {
  private compacting: Promise<void> | undefined;
  private failed: unknown;
  private lastDurable: Promise<void> = Promise.resolve();
  private waitingForDisk = 0;
  private backlogWaiters: Array<() => void> = [];

  constructor(
    private readonly store: LogStore,
    private readonly state: EngineState,
    private readonly bus: EventBus,
    private readonly options: CommitterOptions,
  ) {}

  commit(records: ChangeRecord[]): Promise<void> {
    if (this.failed) {
      return Promise.reject(this.unavailable());
    }
    const { seqs, durable } = this.store.append(records);
    this.lastDurable = durable.catch(() => undefined);
    this.waitingForDisk += records.length;
    const written = () => {
      this.waitingForDisk -= records.length;
      if (this.waitingForDisk <= BACKLOG_LOW && this.backlogWaiters.length > 0) {
        this.backlogWaiters.splice(0).forEach((resume) => resume());
      }
    };
    const events: EngineEvent[] = records.map((r, i) => {
      this.state.apply(r);
      return this.eventFor(r, seqs[i]!);
    });
    return durable.then(
      () => {
        written();
        this.bus.publish(events);
        this.maybeCompact();
      },
      (e: unknown) => {
        written();
        if (!this.failed) {
          this.failed = e;
          this.options.onFatal(e);
        }
        throw this.unavailable();
      },
    );
  }

  /** Undefined while the disk keeps up; else resolves once the records waiting for it are few again. */
  backlog(): Promise<void> | undefined {
    if (this.waitingForDisk < BACKLOG_HIGH) {
      return undefined;
    }
    return new Promise((resume) => this.backlogWaiters.push(resume));
  }

  /**
   * Resolves once everything committed so far is on disk. Reads call it after taking their view of the
   * state (which is applied before it is durable), so no client ever sees a change a crash could lose.
   */
  settled(): Promise<void> {
    if (this.failed) {
      return Promise.reject(this.unavailable());
    }
    return this.lastDurable;
  }

  /** Waits for a running compaction. */
  async idle(): Promise<void> {
    await this.compacting;
  }

  /**
   * At shutdown, after the last commit: waits for a running compaction, then compacts the log written
   * since the snapshot when there is more than a little of it, so the next start replays little.
   */
  async close(): Promise<void> {
    await this.compacting;
    const worth = Math.min(SHUTDOWN_COMPACT_BYTES, this.options.compactAfterBytes);
    if (this.failed || this.store.failure || this.store.bytesSinceSnapshot < worth) {
      return;
    }
    const upTo = this.store.lastSeq;
    await compactState(this.store, this.state).then(
      () => this.options.log(`compacted the log up to seq ${upTo} at shutdown`),
      (e: unknown) => this.options.log(`compaction at shutdown failed (the log stays valid): ${String(e)}`),
    );
  }

  private maybeCompact(): void {
    if (this.compacting || this.store.bytesSinceSnapshot < this.options.compactAfterBytes) {
      return;
    }
    const upTo = this.store.lastSeq;
    this.compacting = compactState(this.store, this.state)
      .then(() => this.options.log(`compacted the log up to seq ${upTo}`))
      .catch((e: unknown) => this.options.log(`compaction failed (the log stays valid): ${String(e)}`))
      .finally(() => {
        this.compacting = undefined;
      });
  }

  private eventFor(r: ChangeRecord, id: number): EngineEvent {
    switch (r.type) {
      case 'project.created':
        return { id, type: 'project', project: r.project };
      case 'session.created':
        return { id, type: 'session', session: this.state.session(r.session.id)! };
      case 'session.updated':
        return { id, type: 'session', session: this.state.session(r.sessionId)! };
      case 'session.deleted': {
        const current = this.state.currentSessionId(r.projectId);
        return {
          id,
          type: 'session.deleted',
          sessionId: r.sessionId,
          projectId: r.projectId,
          currentSession: current ? this.state.session(current)! : null,
        };
      }
      case 'workflow.created':
      case 'workflow.updated': {
        const wid = r.type === 'workflow.created' ? r.workflow.id : r.workflowId;
        const workflow = this.state.workflow(wid)!;
        return { id, type: 'workflow', workflow, session: this.state.session(workflow.sessionId)! };
      }
      case 'message.appended':
        return { id, type: 'message', message: this.state.lastMessage(r.message.sessionId)! };
    }
  }

  private unavailable(): BiltError {
    return new BiltError('unavailable', 'The engine could not save the change to disk and is stopping', {
      message: String(this.failed instanceof Error ? this.failed.message : this.failed),
    });
  }
}
