/**
 * Telling a process apart from a later one that got the same pid: its start time. Linux: field 22 of
 * /proc/<pid>/stat (clock ticks since boot) with the boot id; other POSIX systems: `ps -o lstart=`.
 * Undefined where it cannot be told (Windows, a process gone or not ours to read).
 * Used by the data dir's lock (lock.ts) and the command agent's process-group records.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let bootId: string | undefined;

function linuxStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses; starttime is field 22
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    bootId ??= readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return `${bootId}:${fields[19]}`;
  } catch {
    return undefined;
  }
}

function psStartTime(pid: number): string | undefined {
  try {
    const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    }).trim();
    return out || undefined;
  } catch {
    return undefined;
  }
}

/** When the process with this pid started, as a string equal only for the same process. */
export function processStartTime(pid: number): string | undefined {
  if (process.platform === 'win32') {
    return undefined;
  }
  return process.platform === 'linux' ? linuxStartTime(pid) : psStartTime(pid);
}

/** The command line of a process (Linux only; undefined elsewhere or when it cannot be read). */
export function processCommandLine(pid: number): string | undefined {
  if (process.platform !== 'linux') {
    return undefined;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return undefined;
  }
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
