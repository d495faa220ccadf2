/**
 * The app's git repository: every workflow is one commit, and a workflow that does not finish leaves
 * the folder exactly at the commit before it. Runs the system `git` (no shell, no network) with a fixed
 * identity and without the caller's GIT_* variables, so a surrounding repository or hook never leaks in.
 * The repository is the app's folder itself; the builder only works in a folder it made (`bilt.builder`).
 *
 * A run writes `.git/bilt-run` (the commit it started from) while it works: a run the engine could not
 * finish (killed) is undone by the next one. Changes a person made in the folder between workflows are
 * kept: committed as their own commit before the workflow's.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BiltError } from '../../../core/errors';
import { firstLine } from '../text';
import { STAGING_DIR } from './stagedFiles';

const IDENTITY = ['-c', 'user.name=Bilt', '-c', 'user.email=builder@localhost'];
const SETTINGS = ['-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', '-c', 'core.quotepath=false'];
const MARK = 'bilt.builder';
/** In .git: the commit a run started from ('' before the first one), while the run works. */
const RUN_FILE = 'bilt-run';

export interface Commit {
  hash: string;
  /** `git diff --shortstat` of the commit, e.g. "3 files changed, 120 insertions(+)". */
  stat: string;
  /** "added index.html", "modified styles.css", … */
  files: string[];
}

export interface Opened {
  /** The commit the run starts from (null before the first one); restore() goes back to it. */
  start: string | null;
  /** A run that did not finish was undone (the engine was killed during it). */
  undidInterrupted: boolean;
  /** Changes made in the folder outside Bilt, committed before the run. */
  outside: Commit | undefined;
}

export class AppRepo {
  constructor(
    readonly dir: string,
    private readonly gitBinary = 'git',
  ) {}

  /**
   * Makes the repository on first use (the folder must then be empty), undoes an interrupted run,
   * commits changes made outside Bilt, and marks the run as started.
   */
  async open(): Promise<Opened> {
    if (!(await exists(path.join(this.dir, '.git')))) {
      const entries = await readdir(this.dir);
      if (entries.length > 0) {
        throw new BiltError(
          'illegal_state',
          `The builder agent builds in an empty folder or in one it made; ${this.dir} already has other files (${entries.slice(0, 3).join(', ')}). Use a new project or empty the folder.`,
          { workDir: this.dir },
        );
      }
      await this.git('init', '-q', '--initial-branch=main');
      await this.git('config', MARK, 'true');
    } else if ((await this.git('config', '--get', MARK).catch(() => '')).trim() !== 'true') {
      throw new BiltError(
        'illegal_state',
        `${this.dir} is a git repository the builder agent did not make; it will not reset or commit there. Use a new project.`,
        { workDir: this.dir },
      );
    }
    const interrupted = await readFile(this.runFile, 'utf8').then(
      (text) => text.trim() || null,
      () => undefined,
    );
    if (interrupted !== undefined) {
      await this.restore(interrupted);
    }
    await rm(path.join(this.dir, STAGING_DIR), { recursive: true, force: true });
    const outside = (await this.git('status', '--porcelain')).trim()
      ? await this.commit('Changes made outside Bilt', '- kept before the next workflow')
      : undefined;
    const start = await this.head();
    await writeFile(this.runFile, `${start ?? ''}\n`);
    return { start, undidInterrupted: interrupted !== undefined, outside };
  }

  /** The run is over (its commit made, or the folder restored). */
  async close(): Promise<void> {
    await rm(this.runFile, { force: true });
  }

  async head(): Promise<string | null> {
    const out = await this.git('rev-parse', '-q', '--verify', 'HEAD^{commit}').catch(() => '');
    return out.trim() || null;
  }

  /**
   * Puts the folder back at `commit` (null: before the first commit): tracked files reset, untracked
   * ones removed (ignored ones, e.g. a person's node_modules, stay).
   */
  async restore(commit: string | null): Promise<void> {
    if (commit) {
      await this.git('reset', '-q', '--hard', commit);
    } else {
      if (await this.head()) {
        await this.git('update-ref', '-d', 'HEAD');
      }
      await this.git('read-tree', '--empty');
    }
    await this.git('clean', '-q', '-f', '-d');
  }

  /** Commits everything in the folder (even when nothing changed: every workflow is a commit). */
  async commit(subject: string, body: string): Promise<Commit> {
    await this.git('add', '-A', '.');
    await this.git('commit', '-q', '--allow-empty', '--no-verify', '-m', subject, '-m', body);
    const hash = (await this.git('rev-parse', 'HEAD')).trim();
    const stat = (await this.git('show', '--format=', '--shortstat', 'HEAD')).trim() || 'no files changed';
    const names = await this.git('show', '--format=', '--name-status', '--no-renames', 'HEAD');
    const files = names
      .split('\n')
      .filter((l) => l.includes('\t'))
      .map((l) => {
        const [status, file] = l.split('\t') as [string, string];
        return `${status === 'A' ? 'added' : status === 'D' ? 'deleted' : 'modified'} ${file}`;
      });
    return { hash, stat, files };
  }

  private get runFile(): string {
    return path.join(this.dir, '.git', RUN_FILE);
  }

  private git(...args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      const argv = [...IDENTITY, ...SETTINGS, ...args];
      const options = { cwd: this.dir, env: gitEnv(), windowsHide: true, maxBuffer: 4 * 1024 * 1024 };
      execFile(this.gitBinary, argv, options, (error, stdout, stderr) => {
        if (!error) {
          return resolve(stdout);
        }
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return reject(gitMissing(this.gitBinary));
        }
        const detail = firstLine(stderr) || error.message;
        reject(new BiltError('internal', `git ${args[0]} failed: ${detail}`, { workDir: this.dir }));
      });
    });
  }
}

function gitMissing(binary: string): BiltError {
  return new BiltError(
    'unavailable',
    `The builder agent records every change with git, but "${binary}" could not be run. Install git and make sure it is on the engine's PATH.`,
    { git: binary },
  );
}

/** The engine's environment without GIT_* (GIT_DIR and the like would point git elsewhere), never prompting. */
function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.toUpperCase().startsWith('GIT_')) {
      env[k] = v;
    }
  }
  return { ...env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}
