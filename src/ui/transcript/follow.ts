/**
 * Following one session for its transcript: the recent messages once (bilt.log.recentMessages, as the
 * live log does), then only what is new, through the client's watch() from the last seq, with the
 * session's state at every change. When the watch keeps failing (an engine that restarted on another
 * port) it reconnects through the store and goes on from the last seq: the history is never read again.
 * `suspend()` (no tab shows the document) stops every request and keeps what was read; `resume()` goes
 * on from the last seq; `dispose()` (the document closed) ends it.
 */
import type { SessionRef } from '../../api/backend';
import type { BiltClient } from '../../api/client';
import { abortableSleep } from '../../api/http/sleep';
import type { BiltStoreApi } from '../../api/store/types';
import { fetchNewMessages } from '../../api/watch/catchUp';
import type { Message, Workflow } from '../../core/model';
import { transcriptDocument, type Following, type TranscriptAddress } from '../../present/transcriptDocument';
import type { Logger } from '../logging';

export interface FollowOptions {
  store: BiltStoreApi;
  recentMessages: () => number;
  log: Logger;
  /** The transcript's text may have changed. */
  changed: () => void;
}

/** Watch errors in a row after which the client is asked for again. */
const ERRORS_BEFORE_RECONNECT = 3;
const MAX_RETRY_MS = 60_000;

export class SessionTranscript {
  private messages: Message[] = [];
  private workflows: readonly Workflow[] = [];
  private earlier = 0;
  private loaded = false;
  private following: Following = { state: 'loading' };
  /** Stops the current following; undefined while suspended. */
  private running: AbortController | undefined;
  private disposed = false;
  private readonly ref: SessionRef;

  constructor(
    readonly address: TranscriptAddress,
    /** The name to show until the store knows the project. */
    private readonly pathName: string,
    private readonly o: FollowOptions,
  ) {
    this.ref = { sessionId: address.sessionId, projectId: address.projectId };
    this.resume();
  }

  text(): string {
    const server = this.o.store.snapshot(this.address.serverId);
    const project = server?.projects?.find((p) => p.project.id === this.address.projectId)?.project;
    return transcriptDocument({
      projectName: project?.name ?? this.pathName,
      sessionId: this.address.sessionId,
      serverLabel: server?.server.label ?? this.address.serverId,
      workflows: this.workflows,
      messages: this.messages,
      earlier: this.earlier,
      following: this.following,
    });
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
    for (let failures = 0; !signal.aborted;) {
      try {
        const client = await this.o.store.client(this.address.serverId, signal);
        if (!this.loaded) {
          await this.load(client, signal);
        }
        failures = 0;
        await this.follow(client, signal);
      } catch (e) {
        if (signal.aborted) {
          return;
        }
        failures++;
        const waitMs = Math.min(MAX_RETRY_MS, 1000 * 2 ** failures);
        const reason = e instanceof Error ? e.message : String(e);
        this.o.log.warn(`transcript of ${this.address.sessionId}: ${reason}; retrying in ${waitMs / 1000} s`);
        this.set({ state: 'retrying', reason, inSeconds: Math.round(waitMs / 1000) });
        await abortableSleep(waitMs, signal).catch(() => undefined);
      }
    }
  }

  private async load(client: BiltClient, signal: AbortSignal): Promise<void> {
    const view = await client.backend.getSession(this.ref, { signal });
    const total = (await client.backend.getMessages(this.ref, { limit: 1 }, { signal })).total;
    const from = Math.max(0, total - this.o.recentMessages());
    const recent = await fetchNewMessages(client.backend, this.ref, from, total, signal);
    this.workflows = view.workflows;
    this.messages = recent.messages;
    this.earlier = (recent.messages[0]?.seq ?? recent.total + 1) - 1;
    this.loaded = true;
    this.set({ state: 'live' });
  }

  /** Until the watch has failed ERRORS_BEFORE_RECONNECT times in a row (then it throws the last error). */
  private async follow(client: BiltClient, signal: AbortSignal): Promise<void> {
    const lastSeq = () => this.messages.at(-1)?.seq ?? this.earlier;
    let errors = 0;
    for await (const event of client.watch(this.ref, { signal, fromSeq: lastSeq() })) {
      if (event.type === 'error') {
        if (++errors >= ERRORS_BEFORE_RECONNECT) {
          throw event.error;
        }
        const inSeconds = Math.round(event.retryInMs / 1000);
        this.set({ state: 'retrying', reason: event.error.message, inSeconds });
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
