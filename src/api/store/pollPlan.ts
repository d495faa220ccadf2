/**
 * What a polling server reads, and when (no I/O here). The project list every idleMs. Sessions known
 * to be active every activeMs, doubling up to idleMs while a read brings nothing new, back to activeMs
 * when it does. Idle sessions only once read (the tree expanded them), then at most one per list
 * cycle: a project whose listing changed first, else the least recently read. A burst after an
 * action. A tick reads at most maxReadsPerTick sessions, so its cost never grows with the number of
 * projects; while the window is inactive only bursts run.
 */
import { isActive } from '../../core/status';
import type { SessionView } from '../backend';
import type { ProjectTable } from './table';
import type { StoreConfig } from './timing';

/** The list itself, as a burst target (an action without a known project). */
export const LIST = '';

interface Tracked {
  dueAt: number;
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
  /** More was due than one tick reads. */
  spill: boolean;
}

export class PollPlan {
  listDueAt = 0;
  /** While set, nothing is read before it (backoff, rate limit). */
  retryAt: number | undefined;
  private readonly active = new Map<string, Tracked>();
  private readonly bursts = new Map<string, Burst>();
  private readonly changedProjects = new Set<string>();

  constructor(private readonly c: StoreConfig) {}

  /** Sessions the table already shows as active (restored from the cache) are polled from the start. */
  seed(table: ProjectTable, now: number): void {
    for (const e of table.entries() ?? []) {
      if (e.session && isActive(e.session.session.status)) {
        this.active.set(e.project.id, { dueAt: now, intervalMs: this.c.activeMs });
      }
    }
  }

  plan(now: number, table: ProjectTable, o: { active: boolean; force: boolean }): TickPlan {
    const bursts = [...this.bursts].filter(([, b]) => o.force || b.dueAt <= now).map(([id]) => id);
    const cadence = o.active && this.listDueAt <= now;
    const list = o.force || cadence || bursts.some((id) => id === LIST || !table.get(id));
    const due = new Map<string, number>();
    for (const id of bursts) {
      if (id !== LIST) {
        due.set(id, this.bursts.get(id)!.dueAt);
      }
    }
    if (o.active || o.force) {
      for (const [id, t] of this.active) {
        if ((o.force || t.dueAt <= now) && !due.has(id)) {
          due.set(id, t.dueAt);
        }
      }
    }
    const wanted = [...due].sort((a, b) => a[1] - b[1]).map(([id]) => id);
    const cap = this.c.maxReadsPerTick;
    if (list && (cadence || o.force)) {
      wanted.push(...this.lazy(now, table, due, o.force ? Math.max(0, cap - wanted.length) : 1));
    }
    return { list, sessions: wanted.slice(0, cap), bursts, spill: due.size > cap };
  }

  /** Loaded idle sessions worth a refresh: changed listings first, then the least recently read. */
  private lazy(now: number, table: ProjectTable, taken: Map<string, number>, n: number): string[] {
    if (n <= 0) {
      return [];
    }
    const idle = (table.entries() ?? []).filter(
      (e) => e.session && !this.active.has(e.project.id) && !taken.has(e.project.id),
    );
    const changed = idle.filter((e) => this.changedProjects.has(e.project.id));
    const old = idle
      .filter((e) => !this.changedProjects.has(e.project.id) && (n > 1 || now - (e.readAt ?? 0) >= this.c.idleMs))
      .sort((a, b) => (a.readAt ?? 0) - (b.readAt ?? 0));
    return [...changed, ...old].slice(0, n).map((e) => e.project.id);
  }

  listRead(now: number, updated: string[], table: ProjectTable): void {
    this.listDueAt = now + this.c.idleMs;
    for (const id of updated) {
      this.changedProjects.add(id);
    }
    for (const id of [...this.active.keys(), ...this.changedProjects]) {
      if (table.get(id)) {
        continue;
      }
      this.active.delete(id);
      this.changedProjects.delete(id);
    }
  }

  sessionRead(id: string, now: number, view: SessionView, changed: boolean): void {
    this.changedProjects.delete(id);
    if (!isActive(view.session.status)) {
      return void this.active.delete(id);
    }
    const t = this.active.get(id);
    // during a burst the session is expected to move: its normal cadence afterwards starts fast
    const intervalMs =
      !t || changed || this.bursts.has(id) ? this.c.activeMs : Math.min(this.c.idleMs, t.intervalMs * 2);
    this.active.set(id, { dueAt: now + intervalMs, intervalMs });
  }

  sessionFailed(id: string, now: number): void {
    const t = this.active.get(id);
    if (t) {
      this.active.set(id, {
        intervalMs: Math.min(this.c.idleMs, t.intervalMs * 2),
        dueAt: now + Math.min(this.c.idleMs, t.intervalMs * 2),
      });
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
    const t = this.active.get(id);
    if (t) {
      this.active.set(id, { ...t, intervalMs: this.c.activeMs });
    }
  }

  /** When the next tick should run (undefined: nothing is scheduled). */
  next(active: boolean): number | undefined {
    const times = [...this.bursts.values()].map((b) => b.dueAt);
    if (active) {
      times.push(this.listDueAt, ...[...this.active.values()].map((t) => t.dueAt));
    }
    if (!times.length) {
      return undefined;
    }
    return Math.max(Math.min(...times), this.retryAt ?? -Infinity);
  }
}
