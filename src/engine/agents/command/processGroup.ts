/**
 * Starting a shell command as its own process group and signalling the whole group, so that
 * cancel and suspend reach every process the command started (grandchildren included).
 * POSIX: `/bin/sh -c`, `detached: true` (the child leads a new group; its pid is the group id).
 * Windows: `cmd.exe /d /s /c`, cancel through `taskkill /T /F`; suspend/resume are not supported.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export const isWindows = process.platform === 'win32';

export interface ShellOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export function spawnShell(command: string, options: ShellOptions): ChildProcess {
  const common: SpawnOptions = { cwd: options.cwd, env: options.env, stdio: 'pipe', windowsHide: true };
  if (isWindows) {
    // the same quoting Node uses for `shell: true` on Windows
    return spawn(process.env['ComSpec'] ?? 'cmd.exe', ['/d', '/s', '/c', `"${command}"`], {
      ...common,
      windowsVerbatimArguments: true,
    });
  }
  return spawn('/bin/sh', ['-c', command], { ...common, detached: true });
}

export type GroupSignal = 'SIGTERM' | 'SIGKILL' | 'SIGSTOP' | 'SIGCONT';

/** Sends a signal to the process group led by `pid`; false when there is nothing left to signal. */
export function signalGroup(pid: number, signal: GroupSignal): boolean {
  if (isWindows) {
    if (signal === 'SIGTERM' || signal === 'SIGKILL') {
      const killer = spawn('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
      killer.on('error', () => undefined);
      return true;
    }
    return false; // no stop/continue for Windows process trees
  }
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is empty
  }
}

/**
 * Whether any process of the group led by `pid` still runs (always false on Windows). On Linux,
 * zombies do not count: orphans wait for PID 1 to reap them, which some containers never do.
 */
export function groupAlive(pid: number): boolean {
  if (isWindows) {
    return false;
  }
  try {
    process.kill(-pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  return hasProc ? livingMembers(pid) > 0 : true;
}

const hasProc = process.platform === 'linux' && existsSync('/proc/self/stat');

/** Members of a process group that are not zombies, from /proc. */
function livingMembers(pgid: number): number {
  return groupMembers(pgid).length;
}

/** The living (not zombie) processes, with their process group, from /proc; Linux only (none elsewhere). */
function* livingProcesses(): Generator<{ pid: number; pgrp: number }> {
  if (!hasProc) {
    return;
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended while we looked
    }
    // "pid (comm) state ppid pgrp …": comm may contain spaces and parentheses
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state !== 'Z' && state !== 'X') {
      yield { pid: Number(entry), pgrp: Number(pgrp) };
    }
  }
}

/** Pids of the living (not zombie) members of a process group; Linux only ([] elsewhere). */
export function groupMembers(pgid: number): number[] {
  return [...livingProcesses()].filter((p) => p.pgrp === pgid).map((p) => p.pid);
}

/**
 * The process groups of the living processes whose environment holds `marker` (e.g.
 * `BILT_WORKFLOW_ID=<id>\0`, which every process of a run inherits); Linux only ([] elsewhere).
 */
export function groupsCarrying(marker: string): number[] {
  const groups = new Set<number>();
  for (const { pid, pgrp } of livingProcesses()) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').includes(marker)) {
        groups.add(pgrp);
      }
    } catch {
      // gone, or not ours to read
    }
  }
  return [...groups];
}

/** Resolves once `test` holds or `deadline` (epoch ms) has passed; polls every `everyMs`. */
export async function waitUntil(test: () => boolean, deadline: number, everyMs = 25): Promise<boolean> {
  while (!test()) {
    if (Date.now() >= deadline) {
      return false;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return true;
}
