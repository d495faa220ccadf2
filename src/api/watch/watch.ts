/**
 * watchSession: one session's changes as an async iterable. Push from the engine's event stream when
 * the server has one, adaptive polling otherwise (fast while a workflow is active, slow when idle,
 * backing off on errors). Messages are fetched incrementally by seq. Breaking out of the loop (or the
 * signal) stops all requests.
 */
import type { BiltError } from '../../core/errors';
import type { Message } from '../../core/model';
import { isActive } from '../../core/status';
import type { BiltBackend, SessionRef, SessionView } from '../backend';
import { abortableSleep } from '../http/sleep';
import { Channel } from './channel';
import { pushLoop } from './push';
import { asBiltError, WatchState } from './state';

export type WatchEvent =
  | { type: 'session'; view: SessionView }
  | { type: 'messages'; messages: Message[] }
  | { type: 'error'; error: BiltError; retryInMs: number };

export interface WatchOptions {
  signal?: AbortSignal;
  /** Deliver messages after this seq (0 = the whole history); default: only messages from now on. */
  fromSeq?: number;
  /** Poll interval while a workflow is active. */
  activeMs?: number;
  /** Poll interval while nothing runs. */
  idleMs?: number;
  maxBackoffMs?: number;
  /** The wait between polls and before reconnecting (tests pass a fake). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Set by BiltClient when the server pushes events. */
  events?: { url: string; token: string | undefined } | undefined;
}

async function pollLoop(st: WatchState, o: WatchOptions, signal: AbortSignal): Promise<void> {
  const activeMs = o.activeMs ?? 2000;
  const idleMs = o.idleMs ?? 30_000;
  const maxBackoff = o.maxBackoffMs ?? 60_000;
  const sleep = o.sleep ?? abortableSleep;
  for (let failures = 0; !signal.aborted;) {
    let wait: number;
    try {
      await st.sync(signal);
      failures = 0;
      wait = st.view && isActive(st.view.session.status) ? activeMs : idleMs;
    } catch (e) {
      if (signal.aborted) {
        return;
      }
      failures++;
      wait = Math.min(maxBackoff, activeMs * 2 ** failures);
      st.out.push({ type: 'error', error: asBiltError(e), retryInMs: wait });
    }
    await sleep(wait, signal).catch(() => undefined);
  }
}

export function watchSession(backend: BiltBackend, ref: SessionRef, o: WatchOptions = {}): AsyncIterable<WatchEvent> {
  const out = new Channel<WatchEvent>();
  const signal = o.signal ? AbortSignal.any([o.signal, out.stop.signal]) : out.stop.signal;
  const st = new WatchState(backend, ref, out, o.fromSeq);
  const loop = o.events ? pushLoop(st, o.events, o.maxBackoffMs ?? 30_000, signal, o.sleep) : pollLoop(st, o, signal);
  void loop.finally(() => out.close());
  return out;
}
