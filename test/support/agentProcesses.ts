/**
 * The processes an engine's command agent started, found by the environment every one of them
 * inherits (BILT_WORKFLOW_ID), so a test can tell whether any outlived its engine. Linux only (/proc).
 */
import { readdirSync, readFileSync } from 'node:fs';

export const canSeeProcesses = process.platform === 'linux';

/** Pids of living (not zombie) processes whose environment names one of the workflows. */
export function processesOf(workflowIds: Iterable<string>): number[] {
  const markers = [...workflowIds].map((id) => `BILT_WORKFLOW_ID=${id}\0`);
  if (markers.length === 0) {
    return [];
  }
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
      if (state === 'Z' || state === 'X') {
        continue;
      }
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (markers.some((m) => environ.includes(m))) {
        found.push(Number(entry));
      }
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

/** Kills whatever of the workflows' processes is left (test clean-up). */
export function killProcessesOf(workflowIds: Iterable<string>): void {
  for (const pid of processesOf(workflowIds)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
