/** code-server (the VS Code server with its web workbench) on a free loopback port, for one run. */
import { spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { HarnessInstall, RunDir } from './paths';

export interface CodeServer {
  port: number;
  baseUrl: string;
  exited(): boolean;
  /** SIGTERM to code-server, then SIGKILL to its whole process group (it runs in its own). */
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  install: HarnessInstall;
  run: RunDir;
  settings: Record<string, unknown>;
  extraArgs: string[];
  verbose: boolean;
  log: (msg: string) => void;
  /** A port to use when it is free (`npm start` keeps its URL stable); any free port otherwise. */
  preferredPort?: number;
  /** Keep what the user changed in an existing settings.json (a persistent user-data dir): it wins over `settings`. */
  keepUserSettings?: boolean;
}

/** Keep the workbench quiet and off the network; the caller's settings are merged over these. */
const QUIET_SETTINGS: Record<string, unknown> = {
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function freePort(port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** The settings.json a user may have edited; one that is not plain JSON (comments) is kept as settings.json.bak and replaced. */
function readSettings(file: string): Record<string, unknown> {
  if (!existsSync(file)) {
    return {};
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    copyFileSync(file, `${file}.bak`);
    return {};
  }
}

/** True when `url` answers with a status below 500 within 2 s. */
export function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve((res.statusCode ?? 500) < 500);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

export async function startCodeServer(o: CodeServerOptions): Promise<CodeServer> {
  const { install, run } = o;
  mkdirSync(path.join(run.userData, 'User'), { recursive: true });
  const settingsFile = path.join(run.userData, 'User/settings.json');
  writeFileSync(
    settingsFile,
    JSON.stringify(
      { ...QUIET_SETTINGS, ...o.settings, ...(o.keepUserSettings ? readSettings(settingsFile) : {}) },
      null,
      2,
    ),
  );
  const port = o.preferredPort ? await freePort(o.preferredPort).catch(() => freePort()) : await freePort();
  const args = [
    install.codeServerEntry,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir',
    run.userData,
    '--extensions-dir',
    run.extensions,
    '--disable-workspace-trust', // else Restricted Mode: workspace.isTrusted would be false
    // REQUIRED: a built workbench silently ignores the payload's development options without it.
    '--vscode-option',
    'enable-smoke-test-driver',
    ...o.extraArgs,
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${path.dirname(install.node)}${path.delimiter}${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: run.xdgConfig, // code-server writes config.yaml (with a password) here, not ~/.config
    XDG_DATA_HOME: run.xdgData,
    TMPDIR: run.tmp, // vscode-ipc-*.sock and friends, left behind after SIGTERM
    EXTENSIONS_GALLERY: '{}', // no gallery: no extension queries to the internet
  };
  const logFile = createWriteStream(path.join(run.root, 'code-server.log'));
  o.log(`starting code-server ${install.codeServerVersion} on 127.0.0.1:${port}`);
  const t0 = Date.now();
  const child = spawn(install.node, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let exited = false;
  // Last resort if the driver dies without stop(): nothing of this run's code-server outlives it.
  const killGroup = (): void => {
    try {
      if (child.pid) {
        process.kill(-child.pid, 'SIGKILL');
      }
    } catch {
      // the group is already gone
    }
  };
  process.once('exit', killGroup);
  const exit = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      o.log(`code-server exited (${signal ?? code})`);
      resolve();
    });
  });
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (d: Buffer) => {
      logFile.write(d);
      if (o.verbose) {
        process.stdout.write(`[code-server] ${d.toString()}`);
      }
    });
  }
  child.once('close', () => logFile.end()); // after stdout/stderr are drained, unlike 'exit'

  const baseUrl = `http://127.0.0.1:${port}/`;
  for (const deadline = Date.now() + 30_000; !(await healthy(`${baseUrl}healthz`)); await sleep(200)) {
    if (exited || Date.now() > deadline) {
      if (!exited) {
        child.kill('SIGKILL');
      }
      throw new Error(`code-server did not come up; see ${path.join(run.root, 'code-server.log')}`);
    }
  }
  o.log(`code-server up after ${((Date.now() - t0) / 1000).toFixed(1)}s`);

  return {
    port,
    baseUrl,
    exited: () => exited,
    async stop() {
      if (!exited && child.pid) {
        child.kill('SIGTERM');
        await Promise.race([exit, sleep(10_000)]);
      }
      // Sweep anything left in its process group (only the group of the process this run spawned).
      killGroup();
      process.removeListener('exit', killGroup);
    },
  };
}
