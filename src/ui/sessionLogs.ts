/**
 * One output channel per session that streams its messages as they arrive. Opening shows the most
 * recent messages (setting bilt.log.recentMessages, fetched in a few pages, never the whole history),
 * then only what is new comes in (push from the local engine, incremental polling elsewhere).
 */
import * as vscode from 'vscode';
import type { SessionRef } from '../api/backend';
import type { BiltStoreApi } from '../api/store/types';
import { fetchNewMessages } from '../api/watch/catchUp';
import { logHeader, logLine } from '../present/transcript';
import type { Logger } from './logging';

interface Stream {
  channel: vscode.OutputChannel;
  stop: AbortController;
}

export class SessionLogs implements vscode.Disposable {
  private readonly streams = new Map<string, Stream>();

  constructor(
    private readonly store: BiltStoreApi,
    private readonly o: { recentMessages: () => number; log: Logger },
  ) {}

  /** Shows (creating and starting it if needed) the log of a session. */
  async show(serverId: string, ref: SessionRef, projectName: string): Promise<vscode.OutputChannel> {
    const key = `${serverId}/${ref.sessionId}`;
    const existing = this.streams.get(key);
    if (existing && !existing.stop.signal.aborted) {
      existing.channel.show(true);
      return existing.channel;
    }
    const channel = existing?.channel ?? vscode.window.createOutputChannel(`Bilt: ${projectName}`);
    const stream: Stream = { channel, stop: new AbortController() };
    this.streams.set(key, stream);
    channel.show(true);
    void this.run(serverId, ref, stream).catch((e: unknown) => {
      if (stream.stop.signal.aborted) return;
      channel.appendLine(`— the log stopped: ${e instanceof Error ? e.message : String(e)} (Bilt: Show Log restarts it)`);
      this.o.log.error(`log stream of ${ref.sessionId} stopped`, e);
      stream.stop.abort();
    });
    return channel;
  }

  private async run(serverId: string, ref: SessionRef, s: Stream): Promise<void> {
    const client = await this.store.client(serverId, s.stop.signal);
    const signal = s.stop.signal;
    const total = (await client.backend.getMessages(ref, { limit: 1 }, { signal })).total;
    const from = Math.max(0, total - this.o.recentMessages());
    const recent = await fetchNewMessages(client.backend, ref, from, total, signal);
    const project = this.store.snapshot(serverId)?.projects?.find((p) => p.project.id === ref.projectId)?.project;
    s.channel.clear();
    if (project) s.channel.appendLine(logHeader(project, ref.sessionId, recent.messages.length, recent.total));
    for (const m of recent.messages) s.channel.appendLine(logLine(m));
    const lastSeq = recent.messages.at(-1)?.seq ?? from;
    for await (const e of client.watch(ref, { signal, fromSeq: lastSeq })) {
      if (e.type === 'messages') for (const m of e.messages) s.channel.appendLine(logLine(m));
      else if (e.type === 'error') this.o.log.warn(`log of ${ref.sessionId}: ${e.error.message}; retrying in ${Math.round(e.retryInMs / 1000)} s`);
    }
  }

  dispose(): void {
    for (const s of this.streams.values()) {
      s.stop.abort();
      s.channel.dispose();
    }
    this.streams.clear();
  }
}
