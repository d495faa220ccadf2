/**
 * Following one session for a reader (the live transcript, src/ui/transcript): its newest messages once
 * (readRecentMessages), then only what is new, through the client's watch from the last seq, with the
 * session's state at every change. When the watch keeps failing (an engine that restarted on another
 * port) it asks the store for the server's client again and goes on from the last seq: the history is
 * never read again. `suspend()` (no tab shows it) stops every request and keeps what was read; `resume()`
 * goes on from the last seq; `dispose()` ends it.
 */
import type { SessionRef } from '../api/backend';
import { abortableSleep } from '../api/http/sleep';
import type { Message, Workflow } from '../core/model';
import type { Following } from '../present/transcriptDocument';
import type { ActionClient, ActionContext } from './context';
import { reasonOf } from './outcome';
import { readRecentMessages } from './reads';

/** What a reader sees of the session. */
export interface FollowedSession {
  /** Latest first. */
  workflows: readonly Workflow[];
  /** Oldest first. */
  messages: readonly Message[];
  /** How many messages came before the first one read. */
  earlier: number;
  following: Following;
}

export interface FollowOptions {
  /** How many of the newest messages to read first. */
  recentMessages: () => number;
  /** What the reader sees may have changed. */
  changed: () => void;
  /** A failure it will retry. */
  warn: (message: string) => void;
  /** The wait before a retry (tests pass a fake). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** Watch errors in a row after which the store is asked for the client again. */
const ERRORS_BEFORE_RECONNECT = 3;
const MAX_RETRY_MS = 60_000;

export class SessionFollower {
  private messages: Message[] = [];
  private workflows: readonly Workflow[] = [];
  private earlier = 0;
  private loaded = false;
  private following: Following = { state: 'loading' };
  /** Stops the current following; undefined while suspended. */
  private running: AbortController | undefined;
  private disposed = false;

  constructor(
    private readonly ctx: ActionContext,
    private readonly serverId: string,
    private readonly ref: SessionRef,
    private readonly o: FollowOptions,
  ) {
    this.resume();
  }

  state(): FollowedSession {
    return { workflows: this.workflows, messages: this.messages, earlier: this.earlier, following: this.following };
  }

  /** Follows again, from the last message read (the watch reads the session's state first). */
  resume(): void {
    if (this.disposed || this.running) {
      return;
    }
    this.running = new AbortController();
    void this.run(this.running.signal);
  }

  suspend(): void {
    this.running?.abort();
    this.running = undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.suspend();
  }

  private set(following: Following): void {
    this.following = following;
    this.o.changed();
  }

  private async run(signal: AbortSignal): Promise<void> {
    const sleep = this.o.sleep ?? abortableSleep;
    for (let failures = 0; !signal.aborted;) {
      try {
        if (!this.loaded) {
          await this.load(signal);
        }
        failures = 0;
        await this.follow(await this.ctx.store.client(this.serverId, signal), signal);
      } catch (e) {
        if (signal.aborted) {
          return;
        }
        failures++;
        const waitMs = Math.min(MAX_RETRY_MS, 1000 * 2 ** failures);
        const reason = reasonOf(e);
        this.o.warn(`transcript of ${this.ref.sessionId}: ${reason}; retrying in ${waitMs / 1000} s`);
        this.set({ state: 'retrying', reason, inSeconds: Math.round(waitMs / 1000) });
        await sleep(waitMs, signal).catch(() => undefined);
      }
    }
  }

  private async load(signal: AbortSignal): Promise<void> {
    const read = await readRecentMessages(this.ctx, this.serverId, this.ref, this.o.recentMessages(), { signal });
    if (read.kind !== 'done') {
      // aborted: the signal fired, and the caller stops there
      throw read.kind === 'refused' ? read.error : new Error(`reading the session ended as ${read.kind}`);
    }
    this.workflows = read.value.view.workflows;
    this.messages = read.value.messages;
    this.earlier = read.value.earlier;
    this.loaded = true;
    this.set({ state: 'live' });
  }

  /** Until the watch has failed ERRORS_BEFORE_RECONNECT times in a row (then it throws the last error). */
  private async follow(client: ActionClient, signal: AbortSignal): Promise<void> {
    const lastSeq = () => this.messages.at(-1)?.seq ?? this.earlier;
    let errors = 0;
    for await (const event of client.watch(this.ref, { signal, fromSeq: lastSeq() })) {
      if (event.type === 'error') {
        if (++errors >= ERRORS_BEFORE_RECONNECT) {
          throw event.error;
        }
        this.set({ state: 'retrying', reason: event.error.message, inSeconds: Math.round(event.retryInMs / 1000) });
        continue;
      }
      errors = 0;
      if (event.type === 'messages') {
        const after = lastSeq();
        this.messages.push(...event.messages.filter((m) => m.seq > after));
      } else {
        this.workflows = event.view.workflows;
      }
      this.set({ state: 'live' });
    }
    if (!signal.aborted) {
      throw new Error('the watch ended');
    }
  }
}
