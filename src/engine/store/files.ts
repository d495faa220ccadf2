/**
 * The few file operations the store needs, with the durability steps spelled out. SegmentFile is the
 * seam tests use to inject I/O failures (LogStoreOptions.openSegmentFile).
 */
import { mkdir, open, rename, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { DIR_MODE, FILE_MODE, SNAPSHOT_FILE, SNAPSHOT_TMP_FILE } from './format';

/** An append-only file: write appends all bytes, sync makes them durable (fdatasync). */
export interface SegmentFile {
  write(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export type OpenSegmentFile = (file: string) => Promise<SegmentFile>;

/** Writes all of `data` at the file's position (regular-file writes are complete in practice, but the API allows short ones). */
export async function writeAll(fh: FileHandle, data: Uint8Array, file: string): Promise<void> {
  let offset = 0;
  while (offset < data.length) {
    const { bytesWritten } = await fh.write(data, offset, data.length - offset);
    if (bytesWritten <= 0) {
      throw new Error(`write to ${file} made no progress`);
    }
    offset += bytesWritten;
  }
}

/** Opens (creating if needed, mode 0600) a segment for appending; O_APPEND puts every write at the end. */
export const openSegmentFile: OpenSegmentFile = async (file) => {
  const fh = await open(file, 'a', FILE_MODE);
  return {
    write: (data) => writeAll(fh, data, file),
    // fdatasync also persists the file size, which is all the metadata reading the data back needs.
    sync: () => fh.datasync(),
    close: () => fh.close(),
  };
};

/** Creates dir (0700) if needed; a new dir's own name is made durable too, or a power loss could take it. */
export async function ensureDir(dir: string, fsync: boolean): Promise<void> {
  const created = await mkdir(dir, { recursive: true, mode: DIR_MODE });
  for (let d = dir; created !== undefined && fsync; d = path.dirname(d)) {
    await syncDir(path.dirname(d));
    if (d === created || path.dirname(d) === d) {
      break;
    }
  }
}

/**
 * Makes created, renamed and removed names in `dir` durable. Windows cannot open a directory for
 * fsync; there NTFS's metadata journal is what orders the rename, so this is a no-op.
 */
export async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') {
    return;
  }
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Truncates a file to `length` and makes the new size durable. */
export async function truncateFile(file: string, length: number, fsync: boolean): Promise<void> {
  const fh = await open(file, 'r+');
  try {
    await fh.truncate(length);
    if (fsync) {
      await fh.datasync();
    }
  } finally {
    await fh.close();
  }
}

/**
 * Replaces a file atomically: a crash leaves either the old or the new one, never a partial one (write
 * tmp, fsync it, rename over, fsync the directory so the rename itself is durable).
 */
export async function replaceFile(dir: string, name: string, tmpName: string, data: Uint8Array, fsync: boolean) {
  const tmp = path.join(dir, tmpName);
  const fh = await open(tmp, 'w', FILE_MODE);
  try {
    await fh.writeFile(data);
    if (fsync) {
      await fh.sync();
    }
  } finally {
    await fh.close();
  }
  await rename(tmp, path.join(dir, name));
  if (fsync) {
    await syncDir(dir);
  }
}

/** Replaces snapshot.json atomically (see replaceFile). */
export function writeSnapshotFile(dir: string, data: Uint8Array, fsync: boolean): Promise<void> {
  return replaceFile(dir, SNAPSHOT_FILE, SNAPSHOT_TMP_FILE, data, fsync);
}

/** Writes a new file (0600) whole and, with fsync, fdatasyncs it (its name is made durable by the caller). */
export async function writeNewFile(file: string, data: Uint8Array, fsync: boolean): Promise<void> {
  const fh = await open(file, 'wx', FILE_MODE);
  try {
    await writeAll(fh, data, file);
    if (fsync) {
      await fh.datasync();
    }
  } finally {
    await fh.close();
  }
}
