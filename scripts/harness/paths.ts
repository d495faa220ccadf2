/** Where setup.sh installed the harness, and the per-run folder every run writes into. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface HarnessInstall {
  harnessDir: string;
  node: string;
  nodeVersion: string;
  codeServerEntry: string;
  codeServerVersion: string;
  chromium: string;
}

export function harnessDir(): string {
  return process.env.BILT_HARNESS_DIR || path.join(os.homedir(), '.cache/bilt-harness');
}

/** The paths setup.sh wrote; fails with what to run when it has not run (or its files are gone). */
export function readInstall(dir = harnessDir()): HarnessInstall {
  const file = path.join(dir, 'paths.json');
  if (!existsSync(file)) {
    throw new Error(`${file} not found: run scripts/harness/setup.sh first`);
  }
  const install = JSON.parse(readFileSync(file, 'utf8')) as HarnessInstall;
  for (const p of [install.node, install.codeServerEntry, install.chromium]) {
    if (!existsSync(p)) {
      throw new Error(`${p} (from ${file}) is missing: run scripts/harness/setup.sh again`);
    }
  }
  return install;
}

export interface RunDir {
  root: string;
  /** TMPDIR of code-server and of the browser profile (sockets land here: keep it short). */
  tmp: string;
  userData: string;
  extensions: string;
  xdgConfig: string;
  xdgData: string;
  /** BILT_ENGINE_DATA_DIR of the extension host: tests never touch ~/.bilt. */
  engineData: string;
  results: string;
}

const KEEP_RUNS = 10;
// A unix socket path holds at most ~107 bytes, and VS Code's socket names take about 52 of them.
const MAX_TMP_LENGTH = 50;

/** A fresh folder for one run under <harness>/runs (older runs beyond the last 10 are removed). */
export function makeRunDir(dir = harnessDir()): RunDir {
  let runs = path.join(dir, 'runs');
  if (path.join(runs, 'r-XXXXXX', 't').length > MAX_TMP_LENGTH) {
    runs = path.join(os.tmpdir(), 'bilt-harness-runs');
  }
  mkdirSync(runs, { recursive: true });
  pruneRuns(runs);
  const root = mkdtempSync(path.join(runs, 'r-'));
  const sub = (name: string): string => {
    const p = path.join(root, name);
    mkdirSync(p, { recursive: true });
    return p;
  };
  return {
    root,
    tmp: sub('t'),
    userData: sub('user-data'),
    extensions: sub('extensions'),
    xdgConfig: sub('xdg-config'),
    xdgData: sub('xdg-data'),
    engineData: sub('engine-data'),
    results: path.join(root, 'results.json'),
  };
}

/**
 * The same layout in a folder that stays between runs (`npm start`: the user's settings, layout and
 * open editors survive a restart); never pruned. Falls back to the system temp dir like makeRunDir.
 */
export function persistentRunDir(name: string, dir = harnessDir()): RunDir {
  let root = path.join(dir, name);
  if (path.join(root, 't').length > MAX_TMP_LENGTH) {
    root = path.join(os.tmpdir(), `bilt-harness-${name}`);
  }
  const sub = (child: string): string => {
    const p = path.join(root, child);
    mkdirSync(p, { recursive: true });
    return p;
  };
  return {
    root: sub(''),
    tmp: sub('t'),
    userData: sub('user-data'),
    extensions: sub('extensions'),
    xdgConfig: sub('xdg-config'),
    xdgData: sub('xdg-data'),
    engineData: path.join(root, 'engine-data'), // not made: npm start uses the user's own engine data dir
    results: path.join(root, 'results.json'),
  };
}

function pruneRuns(runs: string): void {
  const old = readdirSync(runs)
    .filter((n) => n.startsWith('r-'))
    .map((n) => ({ p: path.join(runs, n), t: statSync(path.join(runs, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t)
    .slice(KEEP_RUNS - 1)
    // a run another checkout's suite is still using on this machine is not touched (runs last minutes)
    .filter(({ t }) => Date.now() - t > 30 * 60_000);
  for (const { p } of old) {
    rmSync(p, { recursive: true, force: true });
  }
}
