/**
 * One engine per data dir: an exclusive lock file holding the owner's pid and, on its second line,
 * the owner's start time (processIdentity.ts). It is created with its content in one atomic step
 * (write a temp file, hard-link it into place), so no one ever reads a half-written lock. A lock is
 * stale, and taken over, when its pid is gone (the engine was killed) or now belongs to another
 * process: one with another start time, or, for a lock of an older engine (pid only), one whose
 * command line is not an engine's.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pidAlive, processCommandLine, processStartTime } from './processIdentity';

export { pidAlive } from './processIdentity';

export const LOCK_FILE = 'engine.lock';

export type LockResult = { acquired: true; release(): Promise<void> } | { acquired: false; heldBy: number };

interface LockOwner {
  pid: number;
  startTime: string | undefined;
}

async function readOwner(file: string): Promise<LockOwner | undefined> {
  const [first, second] = (await fs.readFile(file, 'utf8').catch(() => '')).split('\n');
  const pid = Number(first?.trim());
  return Number.isInteger(pid) && pid > 0 ? { pid, startTime: second?.trim() || undefined } : undefined;
}

const readPid = async (file: string) => (await readOwner(file))?.pid;

/** Whether the lock's owner still runs: its pid lives and is the same process. */
function ownerRuns(owner: LockOwner): boolean {
  if (!pidAlive(owner.pid)) {
    return false;
  }
  const now = processStartTime(owner.pid);
  if (owner.startTime !== undefined && now !== undefined) {
    return now === owner.startTime;
  }
  const commandLine = processCommandLine(owner.pid);
  return commandLine === undefined || /engine/i.test(commandLine);
}

export async function acquireLock(dataDir: string): Promise<LockResult> {
  const file = path.join(dataDir, LOCK_FILE);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(tmp, `${process.pid}\n${processStartTime(process.pid) ?? ''}\n`, { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await fs.link(tmp, file);
        return {
          acquired: true,
          release: async () => {
            if ((await readPid(file)) === process.pid) {
              await fs.rm(file, { force: true });
            }
          },
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw e;
        }
      }
      const owner = await readOwner(file);
      const pid = owner?.pid;
      if (owner !== undefined && owner.pid !== process.pid && ownerRuns(owner)) {
        return { acquired: false, heldBy: owner.pid };
      }
      // stale: move it aside under a unique name (atomic), so two starters cannot both remove a fresh lock
      const aside = `${file}.stale-${randomBytes(4).toString('hex')}`;
      if (
        await fs.rename(file, aside).then(
          () => true,
          () => false,
        )
      ) {
        if ((await readPid(aside)) === pid) {
          await fs.rm(aside, { force: true });
        } else {
          await fs.rename(aside, file).catch(() => undefined);
        } // someone else's fresh lock: put it back
      }
    }
  } finally {
    await fs.rm(tmp, { force: true });
  }
  throw new Error(`could not take the lock ${file}`);
}
