/**
 * The few file operations the store needs, with the durability steps spelled out. SegmentFile is the
 * seam tests use to inject I/O failures (LogStoreOptions.openSegmentFile).
 */
import { open, rename } from 'node:fs/promises';
import path from 'node:path';
import { FILE_MODE, SNAPSHOT_FILE, SNAPSHOT_TMP_FILE } from './format';

/** An append-only file: write appends all bytes, sync makes them durable (fdatasync). */
export interface SegmentFile {
  write(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export type OpenSegmentFile = (file: string) => Promise<SegmentFile>;

/** Opens (creating if needed, mode 0600) a segment for appending; O_APPEND puts every write at the end. */
export const openSegmentFile: OpenSegmentFile = async (file) => {
  const fh = await open(file, 'a', FILE_MODE);
  return {
    async write(data) {
      // Regular-file writes are complete in practice, but the API allows short writes.
      let offset = 0;
      while (offset < data.length) {
        const { bytesWritten } = await fh.write(data, offset, data.length - offset);
        if (bytesWritten <= 0) {
          throw new Error(`write to ${file} made no progress`);
        }
        offset += bytesWritten;
      }
    },
    // fdatasync also persists the file size, which is all the metadata reading the data back needs.
    sync: () => fh.datasync(),
    close: () => fh.close(),
  };
};

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
 * Replaces the snapshot atomically: a crash leaves either the old or the new snapshot.json, never a
 * partial one (write tmp, fsync it, rename over, fsync the directory so the rename itself is durable).
 */
export async function writeSnapshotFile(dir: string, text: string, fsync: boolean): Promise<void> {
  const tmp = path.join(dir, SNAPSHOT_TMP_FILE);
  const fh = await open(tmp, 'w', FILE_MODE);
  try {
    await fh.writeFile(text, 'utf8');
    if (fsync) {
      await fh.sync();
    }
  } finally {
    await fh.close();
  }
  await rename(tmp, path.join(dir, SNAPSHOT_FILE));
  if (fsync) {
    await syncDir(dir);
  }
}
