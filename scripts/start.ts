/**
 * `npm start`: the main job. The extension in a real VS Code, on the embedded default: the local
 * engine with the builder agent (it makes a real web app the engine serves) and a project named "demo".
 *
 *  - Desktop VS Code when one is installed (VSCODE_EXECUTABLE_PATH, else `code` on PATH): a new
 *    "[Extension Development Host]" window with this repo as the extension under development.
 *  - Otherwise code-server (VS Code in the browser; scripts/harness/setup.sh installs it on first use
 *    into ~/.cache/bilt-harness, about 2 minutes, and takes a fraction of a second after that) on
 *    127.0.0.1, with the repo as extensionDevelopmentPath. It prints the address to open and runs
 *    until Ctrl-C, which stops code-server.
 *
 * The engine is the user's own (~/.bilt/engine, or $BILT_ENGINE_DATA_DIR): found, or started with
 * `--demo`, and given a project "demo" when it has none. It is shared by every VS Code window and
 * MCP client, so it keeps running afterwards (`node dist/engine.js stop` stops it).
 *
 *   npm start [-- --check] [--serve] [--browser] [--port N] [--workspace DIR] [--verbose]
 *
 * --check starts the same, checks in headless Chromium that the window loads the extension and its
 * Bilt view lists "demo", and, when "demo" has run nothing yet, that the builder makes it a page the
 * engine serves (opened in the same Chromium: app.png in the run dir); then stops code-server (and the
 * engine, when it started it) and exits 0, or 1 when the check fails. It is the default when CI=true (use --serve to serve there anyway); CI runs
 * it to keep the README's first command true.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../src/api/local/discovery';
import { stopEngine } from '../src/api/local/launcher';
import {
  buildDemoPage,
  DEMO,
  DEMO_INSTRUCTION,
  ensureDemoProject,
  ensureEngine,
  type Engine,
} from './harness/demoEngine';
import { desktopVsCode, openDesktop } from './harness/desktop';
import { openWorkbench, type Workbench } from './harness/browser';
import { Cleanups } from './harness/cleanup';
import { healthy } from './harness/codeServer';
import { startDevWindowServer } from './harness/devWindow';
import { harnessDir, makeRunDir, persistentRunDir, readInstall } from './harness/paths';
import { takeScreenshot } from './harness/ui';
import { WorkbenchPage } from './harness/workbenchPage';

const repo = path.resolve(__dirname, '..');
const DEFAULT_PORT = 8731;

const USAGE = `npm start [-- options]: Bilt for VS Code in a real VS Code, on the local engine with a demo project.
  --check           start everything, check in headless Chromium that the Bilt view lists "demo", stop, exit 0/1
                    (the default when CI=true)
  --serve           serve even when CI=true
  --browser         code-server in the browser even when a desktop VS Code is installed
  --port N          code-server's port (default ${DEFAULT_PORT}, or any free one when it is taken)
  --workspace DIR   the folder the window opens (default this repo; an empty one for --check)
  --verbose         stream code-server's output
Desktop VS Code: VSCODE_EXECUTABLE_PATH, or \`code\` on PATH. The engine: ~/.bilt/engine, or BILT_ENGINE_DATA_DIR.`;

const t0 = Date.now();
const log = (msg: string): void => console.log(`[start ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

// --- code-server ------------------------------------------------------------------------------

function setup(): void {
  log(`scripts/harness/setup.sh (Node 24 and code-server into ${harnessDir()} on first use: about 2 minutes, once)`);
  const r = spawnSync('bash', [path.join(repo, 'scripts/harness/setup.sh')], { stdio: 'inherit' });
  if (r.status !== 0) {
    throw new Error(`scripts/harness/setup.sh failed (exit ${r.status ?? r.signal})`);
  }
}

interface Served {
  pid: number;
  baseUrl: string;
  url: string;
}

/** A code-server that an earlier `npm start` left serving the same user data (another terminal): reuse it. */
async function alreadyServing(file: string): Promise<Served | undefined> {
  if (!existsSync(file)) {
    return undefined;
  }
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as Served;
    process.kill(s.pid, 0);
    return (await healthy(`${s.baseUrl}healthz`)) ? s : undefined;
  } catch {
    return undefined;
  }
}

function tellWhereToLook(url: string, engine: Engine, dataDir: string): void {
  const port = new URL(url).port;
  console.log(`
Bilt for VS Code runs in code-server (VS Code in the browser). Open this address in a browser on this machine:

  ${url}

  (from another machine: ssh -L ${port}:127.0.0.1:${port} <this host>, then the same address)

In that window ("[Extension Development Host]"):
  - click the Bilt icon in the activity bar (left): the Sessions view lists the project "${DEMO}";
  - F1 → "Bilt: Send Message…" → ${DEMO} → e.g. "${DEMO_INSTRUCTION}" → Enter: the row shows the
    progress and the Output panel the live log (the files written, the HTML check, the commit);
  - "Bilt: Open in Browser" (or the row's link icon) opens the page that was built; send more, e.g.
    "Add a pricing table and a footer", and the page keeps what it had;
  - "Bilt: Cancel Workflow…" stops a running one, "Bilt: Answer Questions…" answers a workflow that asks,
    and a click on the session row (or "Bilt: Show Log") opens its log again.

The local engine (pid ${engine.d.pid}, agent ${engine.d.agent}, data ${dataDir}) ${engine.started ? 'was started for you' : 'was already running'}.
Ctrl-C stops code-server; the engine keeps running, shared by VS Code windows and MCP clients
(\`node dist/engine.js stop\` stops it).
`);
}

/** The builder's page of a demo that has run nothing yet, opened in the same browser (`--check`). */
async function checkBuiltPage(wb: Workbench, engine: Engine, run: ReturnType<typeof makeRunDir>): Promise<void> {
  if (engine.d.agent !== 'builder') {
    log(`check: the engine runs the ${engine.d.agent} agent, not the builder: no page to open`);
    return;
  }
  const url = await buildDemoPage(engine.d);
  if (!url) {
    log(`check: "${DEMO}" has run workflows already: no new page built`);
    return;
  }
  const app = await wb.browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const res = await app.goto(url);
    if (res?.status() !== 200) {
      throw new Error(`${url} answered ${res?.status()}`);
    }
    await app.locator('#hero-title', { hasText: DEMO }).waitFor({ timeout: 15_000 });
    await app.locator('#signup form').waitFor({ timeout: 15_000 });
    log(`check: "${DEMO_INSTRUCTION}" built ${url}; screenshot ${await takeScreenshot(app, run.root, 'app')}`);
  } finally {
    await app.close();
  }
}

async function check(
  wbUrl: string,
  chromium: string,
  run: ReturnType<typeof makeRunDir>,
  engine: Engine,
): Promise<void> {
  let wb: Workbench | undefined;
  try {
    wb = await openWorkbench({ executablePath: chromium, run, url: wbUrl, echoConsole: false });
    const page = new WorkbenchPage(wb.page);
    await page.ready('Bilt');
    const title = await wb.page.title();
    if (!title.includes('[Extension Development Host]')) {
      throw new Error(`not a development window: the title is "${title}"`);
    }
    await page.openViewContainer('Bilt');
    await page.row(DEMO).waitFor({ timeout: 30_000 });
    log(
      `check: "${title}" shows the Bilt view with the project "${DEMO}"; screenshot ${await takeScreenshot(wb.page, run.root, 'check')}`,
    );
    await checkBuiltPage(wb, engine, run);
  } catch (err) {
    if (wb) {
      log(`screenshot ${await takeScreenshot(wb.page, run.root, 'failure').catch(() => 'failed')}`);
    }
    throw err;
  } finally {
    await wb?.close();
  }
}

function mkdirp(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

// --- main -------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const { values: v } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      serve: { type: 'boolean', default: false },
      browser: { type: 'boolean', default: false },
      port: { type: 'string' },
      workspace: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  const checking = v.check || (process.env.CI === 'true' && !v.serve);
  if (checking && !v.check) {
    log('CI=true: checking instead of serving (npm start -- --serve to serve)');
  }
  // the check opens a throwaway folder: VS Code's git extension stays out of the repo's index
  const workspace = v.workspace ? path.resolve(v.workspace) : checking ? undefined : repo;
  const port = v.port ? Number(v.port) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`--port wants a port number, got ${v.port}`);
  }

  const dataDir = defaultDataDir();
  const engine = await ensureEngine(repo, dataDir);
  log(
    `local engine ${engine.started ? 'started' : 'already running'}: pid ${engine.d.pid}, agent ${engine.d.agent}, data ${dataDir}`,
  );
  log(`project "${DEMO}" ${await ensureDemoProject(engine.d)}`);

  const desktop = checking || v.browser ? undefined : desktopVsCode();
  if (desktop) {
    await openDesktop(repo, desktop, workspace ?? repo, log);
    console.log(`
Opened a VS Code window "[Extension Development Host]" with this repo as the extension under development.
Click the Bilt icon in the activity bar: the Sessions view lists the project "${DEMO}". Then F1 → "Bilt: Send Message…".
The local engine (pid ${engine.d.pid}, data ${dataDir}) keeps running, shared by VS Code windows and MCP clients
(\`node dist/engine.js stop\` stops it). \`npm start -- --browser\` uses VS Code in the browser instead.
`);
    return 0;
  }

  setup();
  const install = readInstall();
  const run = checking ? makeRunDir(install.harnessDir) : persistentRunDir('start', install.harnessDir);
  const servedFile = path.join(run.root, 'server.json');
  if (!checking) {
    const earlier = await alreadyServing(servedFile);
    if (earlier) {
      log(`an earlier npm start (pid ${earlier.pid}) is still serving code-server`);
      tellWhereToLook(earlier.url, engine, dataDir);
      return 0;
    }
  }

  const cleanups = new Cleanups(() => (checking ? 130 : 0));
  if (checking && engine.started) {
    cleanups.push(() =>
      stopEngine(dataDir).then((pid) => pid && log(`stopped the local engine it started (pid ${pid})`)),
    );
  }
  const { cs, url } = await startDevWindowServer({
    install,
    run,
    extension: repo,
    workspace: workspace ?? mkdirp(path.join(run.root, 'ws')),
    settings: {},
    env: { BILT_ENGINE_DATA_DIR: dataDir }, // the extension host finds the same engine
    ...(checking ? {} : { preferredPort: port, keepUserSettings: true }),
    verbose: v.verbose,
    log,
  });
  cleanups.push(() => cs.stop());
  writeFileSync(path.join(run.root, 'url.txt'), url + '\n');

  if (checking) {
    try {
      await check(url, install.chromium, run, engine);
      return 0;
    } catch (err) {
      log(`check FAILED: ${err instanceof Error ? err.message : String(err)} (logs: ${run.root})`);
      return 1;
    } finally {
      await cleanups.run();
    }
  }

  writeFileSync(servedFile, JSON.stringify({ pid: process.pid, baseUrl: cs.baseUrl, url } satisfies Served));
  cleanups.push(() => rmSync(servedFile, { force: true }));
  cleanups.push(() =>
    console.log(
      `\nStopping code-server. The local engine (pid ${engine.d.pid}) keeps running; \`node dist/engine.js stop\` stops it.`,
    ),
  );
  tellWhereToLook(url, engine, dataDir);
  // serve until Ctrl-C (Cleanups stops code-server and exits 0) or until code-server ends by itself
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    if (cs.exited()) {
      log(`code-server ended by itself; see ${path.join(run.root, 'code-server.log')}`);
      await cleanups.run();
      return 1;
    }
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
