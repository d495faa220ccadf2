/** Filtering the tree by status and by project name. */
import type { ProjectEntry } from '../api/store/types';
import type { SessionStatus } from '../core/status';

export interface TreeFilter {
  statuses?: SessionStatus[];
  /** Case-insensitive substring of the project name. */
  project?: string;
}

export const isFiltering = (f: TreeFilter) => Boolean(f.statuses?.length || f.project);

export function keepProject(e: ProjectEntry, f: TreeFilter): boolean {
  if (f.project && !e.project.name.toLowerCase().includes(f.project.toLowerCase())) {
    return false;
  }
  if (f.statuses?.length) {
    const status = e.session ? e.session.session.status : undefined;
    // a project whose session is not loaded yet stays visible: its status is unknown, not excluded
    if (status !== undefined && !f.statuses.includes(status)) {
      return false;
    }
  }
  return true;
}

export function describeFilter(f: TreeFilter): string | undefined {
  const parts = [...(f.statuses?.length ? [f.statuses.join(', ')] : []), ...(f.project ? [`"${f.project}"`] : [])];
  return parts.length ? `filtered: ${parts.join(' · ')}` : undefined;
}
