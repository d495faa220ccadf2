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
  private readonly appended = new vscode.EventEmitter<{ sessionId: string; lines: string[] }>();
  /** Lines written to a session's channel (output channels cannot be read back; tests listen here). */
  readonly onDidAppend = this.appended.event;

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
      if (stream.stop.signal.aborted) {
        return;
      }
      channel.appendLine(
        `— the log stopped: ${e instanceof Error ? e.message : String(e)} (Bilt: Show Log restarts it)`,
      );
      this.o.log.error(`log stream of ${ref.sessionId} stopped`, e);
      stream.stop.abort();
    });
    return channel;
  }

  private async run(serverId: string, ref: SessionRef, s: Stream): Promise<void> {
    let client = await this.store.client(serverId, s.stop.signal);
    const signal = s.stop.signal;
    const total = (await client.backend.getMessages(ref, { limit: 1 }, { signal })).total;
    const from = Math.max(0, total - this.o.recentMessages());
    const recent = await fetchNewMessages(client.backend, ref, from, total, signal);
    const project = this.store.snapshot(serverId)?.projects?.find((p) => p.project.id === ref.projectId)?.project;
    s.channel.clear();
    const write = (lines: string[]) => {
      if (lines.length === 0) {
        return;
      }
      s.channel.appendLine(lines.join('\n'));
      this.appended.fire({ sessionId: ref.sessionId, lines });
    };
    write([
      ...(project ? [logHeader(project, ref.sessionId, recent.messages.length, recent.total)] : []),
      ...recent.messages.map(logLine),
    ]);
    let lastSeq = recent.messages.at(-1)?.seq ?? from;
    for (;;) {
      const following = client;
      for await (const e of following.watch(ref, { signal, fromSeq: lastSeq })) {
        if (e.type === 'messages') {
          write(e.messages.map(logLine));
          lastSeq = e.messages.at(-1)?.seq ?? lastSeq;
        } else if (e.type === 'error') {
          // the store reached the server again with a new client (e.g. the local engine restarted on
          // another port): follow the log there, from the last message written
          client = await this.store.client(serverId, signal).catch(() => following);
          if (client !== following) {
            break;
          }
          this.o.log.warn(
            `log of ${ref.sessionId}: ${e.error.message}; retrying in ${Math.round(e.retryInMs / 1000)} s`,
          );
        }
      }
      if (signal.aborted || client === following) {
        return;
      }
    }
  }

  dispose(): void {
    this.appended.dispose();
    for (const s of this.streams.values()) {
      s.stop.abort();
      s.channel.dispose();
    }
    this.streams.clear();
  }
}
