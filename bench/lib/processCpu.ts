/**
 * CPU time a process has used so far (user + system), from /proc on Linux; undefined elsewhere. Its
 * resolution is the kernel's clock tick (10 ms), so read it around many calls, not one.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

export function processCpuMs(pid: number | null | undefined): number | undefined {
  if (!pid || process.platform !== 'linux') {
    return undefined;
  }
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    // fields after the command name (which may hold spaces): state is 3rd, utime the 14th, stime the 15th
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return undefined;
  }
}
