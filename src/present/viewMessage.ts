/** The view's message line: when data was updated, when it refreshes next, why it cannot, and what a server lacks. */
import type { ServerSnapshot } from '../api/store/types';
import { ago, clock, inTime } from './time';

export function viewMessage(snapshots: ServerSnapshot[], now: number): string | undefined {
  const lines: string[] = [];
  for (const s of snapshots) {
    const st = s.status;
    const name = snapshots.length > 1 ? `${s.server.label}: ` : '';
    const since = s.updatedAt ? `data from ${clock(s.updatedAt)}` : 'no data yet';
    if (st.state === 'rate-limited') {
      lines.push(`${name}rate limited · ${since} · retrying ${inTime(st.retryAt, now)}`);
    } else if (st.state === 'unreachable' || st.state === 'error') {
      lines.push(`${name}offline · ${since} · retrying ${inTime(st.retryAt, now)}`);
    } else if (s.stale) {
      lines.push(`${name}showing cached ${since} · refreshing…`);
    } else if (st.state === 'ready' && !s.live && s.updatedAt) {
      lines.push(
        `${name}updated ${ago(s.updatedAt, now)}${s.nextRefreshAt ? ` · next ${inTime(s.nextRefreshAt, now)}` : ' · paused while the window is inactive'}`,
      );
    }
    // what a server lacks that people would otherwise look for (a gateway without message history, …)
    const missing = st.state === 'ready' ? (s.capabilities?.missing ?? []) : [];
    if (missing.length) {
      lines.push(`${snapshots.length > 1 ? s.server.label : 'This server'}: ${missing.join(' · ')}`);
    }
  }
  return lines.length ? lines.join('\n') : undefined;
}
