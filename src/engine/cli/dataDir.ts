/**
 * The data dir holds the engine's token (engine.json) and everything its clients did, so only its
 * owner may enter it. A dir the engine creates is made 0700. An existing one owned by this user that
 * others may read or enter (e.g. made by `mkdir`, 0755) is tightened to 0700, and the engine says so;
 * one owned by another user that others may read is refused: the engine cannot make it private.
 * (POSIX modes only; on Windows the dir keeps what its parent gives.)
 */
import { promises as fs } from 'node:fs';

/** Creates or tightens the data dir; returns why it is refused, or undefined when it is ready. */
export async function prepareDataDir(dir: string, log: (line: string) => void): Promise<string | undefined> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') {
    return undefined;
  }
  const info = await fs.stat(dir);
  const mode = info.mode & 0o777;
  if ((mode & 0o077) === 0) {
    return undefined;
  }
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid) {
    return `data dir ${dir} belongs to another user (uid ${info.uid}) and others can read it (mode ${mode.toString(8)}); use a directory of your own (--data-dir or BILT_ENGINE_DATA_DIR)`;
  }
  await fs.chmod(dir, 0o700);
  log(`data dir ${dir} was readable by others (mode ${mode.toString(8)}); it is now 700`);
  return undefined;
}
