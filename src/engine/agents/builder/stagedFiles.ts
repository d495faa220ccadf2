/**
 * Writing the app without half-written files: the rendered files go to a staging folder inside the app's
 * folder first, and are renamed into place only once they passed the check. The staging folder is a
 * dotfile (never served) and untracked (the repository's clean removes it after a crash).
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteFiles } from './renderSite';

export const STAGING_DIR = '.bilt-staging';

/** A flat file name the app may have: no folders, no dotfiles. */
const FILE_NAME = /^[a-z0-9][a-z0-9_-]*\.[a-z0-9]+$/i;

export async function stageFiles(appDir: string, files: SiteFiles): Promise<void> {
  const staging = path.join(appDir, STAGING_DIR);
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging);
  for (const [name, text] of files) {
    if (!FILE_NAME.test(name)) {
      throw new Error(`Refusing to write "${name}": not a plain file name`);
    }
    await writeFile(path.join(staging, name), text, 'utf8');
  }
}

/** Moves the staged files into the app's folder (each rename replaces the file at once). */
export async function publishStaged(appDir: string, files: SiteFiles): Promise<void> {
  const staging = path.join(appDir, STAGING_DIR);
  for (const name of files.keys()) {
    await rename(path.join(staging, name), path.join(appDir, name));
  }
  await rm(staging, { recursive: true, force: true });
}
