/**
 * One engine per data dir: an exclusive lock file holding the owner's pid. It is created with its
 * content in one atomic step (write a temp file, hard-link it into place), so no one ever reads a
 * half-written lock. A lock whose pid is gone (the engine was killed) is stale and taken over.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'engine.lock';

export type LockResult = { acquired: true; release(): Promise<void> } | { acquired: false; heldBy: number };

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readPid(file: string): Promise<number | undefined> {
  const n = Number((await fs.readFile(file, 'utf8').catch(() => '')).trim());
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export async function acquireLock(dataDir: string): Promise<LockResult> {
  const file = path.join(dataDir, LOCK_FILE);
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(tmp, `${process.pid}\n`, { mode: 0o600 });
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
      const pid = await readPid(file);
      if (pid !== undefined && pid !== process.pid && pidAlive(pid)) {
        return { acquired: false, heldBy: pid };
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
