/**
 * What a polling server reads, and when (no I/O here). Freshness is bought where it is cheapest:
 * - the project list every idleMs while the view is visible (every hiddenListMs otherwise): its
 *   `updatedAt` says which projects changed, and those are read soon, expanded or not;
 * - every project whose state is unknown (new, never read) is read once, newest first;
 * - sessions known to be active are followed in every state: every activeMs (hiddenActiveMs when the
 *   view is hidden or the window inactive), backing off while unchanged, never beyond followCapMs, so
 *   a completion is noticed (and notified) within that time;
 * - one loaded idle session per list cycle, least recently read (for servers that do not move a
 *   project's updatedAt with its activity);
 * - a burst after an action.
 * All of it paced: at most maxPerMinute scheduled requests in any minute and maxReadsPerTick per tick.
 */
import { isActive } from '../../core/status';
import type { SessionView } from '../backend';
import type { ProjectTable } from './table';
import type { StoreConfig } from './timing';

/** The list itself, as a burst target (an action without a known project). */
export const LIST = '';
const MINUTE = 60_000;

interface Followed {
  readAt: number;
  intervalMs: number;
}
interface Burst {
  dueAt: number;
  gaps: number[];
}

export interface TickPlan {
  list: boolean;
  sessions: string[];
  /** Bursts due in this tick (advanced once it ran). */
  bursts: string[];
  /** More was due than this tick reads. */
  spill: boolean;
}

export class PollPlan {
  /** When the list was last read (undefined: never). */
  listedAt: number | undefined;
  /** While set, nothing is read before it (backoff, rate limit). */
  retryAt: number | undefined;
  private readonly followed = new Map<string, Followed>();
  private readonly bursts = new Map<string, Burst>();
  /** Projects whose state is unknown or changed since read: read soon, newest first. */
  private readonly unknown = new Set<string>();
  /** When the scheduled requests of the last minute were made (pacing). */
  private recent: number[] = [];

  constructor(private readonly c: StoreConfig) {}

  /** Sessions the table already shows as active (restored from the cache) are followed from the start. */
  seed(table: ProjectTable): void {
    for (const e of table.entries() ?? []) {
      if (e.session && isActive(e.session.session.status)) {
        this.followed.set(e.project.id, { readAt: -Infinity, intervalMs: this.c.activeMs });
      }
    }
  }

  private listInterval(visible: boolean): number {
    return visible ? this.c.idleMs : this.c.hiddenListMs;
  }

  private followInterval(t: Followed, visible: boolean): number {
    return Math.min(this.c.followCapMs, visible ? t.intervalMs : Math.max(t.intervalMs, this.c.hiddenActiveMs));
  }

  /** Requests this minute may still take. */
  private allowance(now: number): number {
    this.recent = this.recent.filter((t) => t > now - MINUTE);
    return Math.max(0, this.c.maxPerMinute - this.recent.length);
  }

  plan(now: number, table: ProjectTable, o: { active: boolean; force: boolean }): TickPlan {
    const bursts = [...this.bursts].filter(([, b]) => o.force || b.dueAt <= now).map(([id]) => id);
    const listDue = this.listedAt === undefined || this.listedAt + this.listInterval(o.active) <= now;
    const wanted: string[] = bursts.filter((id) => id !== LIST);
    const followedDue = [...this.followed]
      .filter(([id, t]) => (o.force || t.readAt + this.followInterval(t, o.active) <= now) && !wanted.includes(id))
      .sort((a, b) => a[1].readAt - b[1].readAt)
      .map(([id]) => id);
    wanted.push(...followedDue);
    const allowance = o.force ? Infinity : this.allowance(now);
    // what runs is followed first: when the minute is nearly spent, the list waits for the next tick
    const listWanted = o.force || listDue || bursts.some((id) => id === LIST || !table.get(id));
    const list = listWanted && (o.force || allowance > wanted.length || this.listedAt === undefined);
    wanted.push(...this.unknownNewestFirst(table).filter((id) => !wanted.includes(id)));
    if (o.force || (listDue && o.active)) {
      // a refresh the person asked for reads the loaded sessions too (as many as a tick reads)
      const n = o.force ? this.c.maxReadsPerTick - wanted.length : 1;
      wanted.push(...this.leastRecentlyRead(now, table, wanted, n, !o.force));
    }
    const room = Math.min(this.c.maxReadsPerTick, allowance - Number(list));
    const sessions = wanted.slice(0, Math.max(0, room));
    return { list, sessions, bursts, spill: wanted.length > sessions.length || (listWanted && !list) };
  }

  private unknownNewestFirst(table: ProjectTable): string[] {
    return (table.entries() ?? [])
      .filter((e) => this.unknown.has(e.project.id))
      .sort((a, b) => b.project.updatedAt.localeCompare(a.project.updatedAt))
      .map((e) => e.project.id);
  }

  /** Loaded idle sessions, the least recently read first (`old`: only those not read for a list interval). */
  private leastRecentlyRead(now: number, table: ProjectTable, taken: string[], n: number, old: boolean): string[] {
    const idle = (table.entries() ?? [])
      .filter((e) => e.session && !this.followed.has(e.project.id) && !taken.includes(e.project.id))
      .filter((e) => !old || now - (e.readAt ?? 0) >= this.c.idleMs)
      .sort((a, b) => (a.readAt ?? 0) - (b.readAt ?? 0));
    return idle.slice(0, Math.max(0, n)).map((e) => e.project.id);
  }

  /** The tick's requests were made (they count against the minute). */
  ran(now: number, requests: number): void {
    for (let i = 0; i < requests; i++) {
      this.recent.push(now);
    }
  }

  listRead(now: number, updated: string[], table: ProjectTable): void {
    this.listedAt = now;
    for (const e of table.entries() ?? []) {
      if (!e.session || updated.includes(e.project.id)) {
        this.unknown.add(e.project.id);
      }
    }
    for (const id of [...this.followed.keys(), ...this.unknown]) {
      if (!table.get(id)) {
        this.followed.delete(id);
        this.unknown.delete(id);
      }
    }
  }

  sessionRead(id: string, now: number, view: SessionView, changed: boolean): void {
    this.unknown.delete(id);
    if (!isActive(view.session.status)) {
      return void this.followed.delete(id);
    }
    const t = this.followed.get(id);
    // during a burst the session is expected to move: its normal cadence afterwards starts fast
    const intervalMs =
      !t || changed || this.bursts.has(id) ? this.c.activeMs : Math.min(this.c.followCapMs, t.intervalMs * 2);
    this.followed.set(id, { readAt: now, intervalMs });
  }

  sessionFailed(id: string, now: number): void {
    this.unknown.delete(id);
    const t = this.followed.get(id);
    if (t) {
      this.followed.set(id, { readAt: now, intervalMs: Math.min(this.c.followCapMs, t.intervalMs * 2) });
    }
  }

  /** The bursts that ran move to their next gap (or end). */
  burstsRan(ids: string[], now: number): void {
    for (const id of ids) {
      const b = this.bursts.get(id);
      if (!b) {
        continue;
      }
      const [gap, ...gaps] = b.gaps;
      if (gap === undefined) {
        this.bursts.delete(id);
      } else {
        this.bursts.set(id, { dueAt: now + gap, gaps });
      }
    }
  }

  afterAction(id: string, now: number): void {
    const [first, ...gaps] = this.c.burstMs;
    if (first === undefined) {
      return;
    }
    this.bursts.set(id, { dueAt: now + first, gaps });
    const t = this.followed.get(id);
    if (t) {
      this.followed.set(id, { ...t, intervalMs: this.c.activeMs });
    }
  }

  /** When the next tick should run (undefined: nothing is scheduled). */
  next(now: number, visible: boolean): number | undefined {
    const times = [...this.bursts.values()].map((b) => b.dueAt);
    times.push(this.listedAt === undefined ? now : this.listedAt + this.listInterval(visible));
    times.push(...[...this.followed.values()].map((t) => t.readAt + this.followInterval(t, visible)));
    if (this.unknown.size) {
      times.push(now);
    }
    const at = Math.min(...times);
    // a full minute waits for its oldest request to age out
    const paced = this.allowance(now) > 0 ? at : Math.max(at, (this.recent[0] ?? now) + MINUTE);
    return Math.max(paced, this.retryAt ?? -Infinity);
  }
}
