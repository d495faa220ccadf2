/** The view's message line: when data was updated, when it refreshes next, and why it cannot. */
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
  }
  return lines.length ? lines.join('\n') : undefined;
}
