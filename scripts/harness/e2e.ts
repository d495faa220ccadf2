/**
 * The browser end-to-end test (`npm run test:e2e`): code-server serves a normal "[Extension Development
 * Host]" window of this repo (no extensionTestsPath, so modal dialogs work), headless Chromium opens it
 * at 1280×800, and test/e2e/journey.ts drives the real UI as a person would, taking a screenshot after
 * each step. The extension host gets a fresh BILT_ENGINE_DATA_DIR in the run dir and the user settings
 * name the emulator and test/fixtures/scenarios/e2e.json, so the engine the extension starts plays that
 * scenario (until the journey switches it to the builder).
 * Exit code: 0 only when every step's assertions held; 1 when a step failed (failure.png and
 * browser-console.log in the run dir); 2 when the harness itself failed.
 *
 *   npx tsx scripts/harness/e2e.ts [--screenshots DIR] [--timeout MS] [--echo] [--verbose]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { journey, type JourneyContext } from '../../test/e2e/journey';
import { openWorkbench, type Workbench } from './browser';
import { Cleanups } from './cleanup';
import { startDevWindowServer } from './devWindow';
import { stopLocalEngine } from './engine';
import { makeRunDir, readInstall } from './paths';
import { installTestExtensions } from './testExtensions';
import { takeScreenshot } from './ui';
import { WorkbenchPage } from './workbenchPage';

const repo = path.resolve(__dirname, '../..');
const USAGE = `Browser end-to-end test in code-server (see docs/TESTING.md, "Browser end-to-end").
  --screenshots DIR   where the step screenshots go (default docs/images, which the README shows)
  --timeout MS        time limit for the whole journey (default 300000)
  --echo              stream the browser console (the extension host's console.log)
  --verbose           stream code-server's output`;

const t0 = Date.now();
const log = (msg: string): void => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

async function main(): Promise<number> {
  const { values: v } = parseArgs({
    options: {
      screenshots: { type: 'string', default: path.join(repo, 'docs/images') },
      timeout: { type: 'string', default: '300000' },
      echo: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (v.help) {
    console.log(USAGE);
    return 0;
  }
  const timeoutMs = Number(v.timeout);
  const shots = path.resolve(v.screenshots);
  const install = readInstall();
  const run = makeRunDir(install.harnessDir);
  const workspace = path.join(run.root, 'ws');
  mkdirSync(workspace, { recursive: true });
  log(`run dir ${run.root}`);
  const cleanups = new Cleanups();
  cleanups.push(() => stopLocalEngine(repo, run.engineData, log));

  let wb: Workbench | undefined;
  let passed = 0;
  let failure: string | undefined;
  try {
    installTestExtensions(repo, run.extensions, log);
    const { cs, url } = await startDevWindowServer({
      install,
      run,
      extension: repo,
      workspace,
      settings: {
        // the emulator plays the scenario's question and slow build; the journey's end switches to the builder
        'bilt.localEngine.agent': 'emulator',
        'bilt.localEngine.scenario': path.join(repo, 'test/fixtures/scenarios/e2e.json'),
        'bilt.notifications': 'whenViewHidden',
        'chat.disableAIFeatures': false, // the Chat view and chat participants (with the scripted test model)
        // for the screenshots: desktop VS Code's default look (the web one follows the browser: light),
        // and no fade-in of quick inputs and dialogs caught half-way
        'workbench.colorTheme': 'Default Dark Modern',
        'workbench.reduceMotion': 'on',
      },
      env: { BILT_ENGINE_DATA_DIR: run.engineData }, // never ~/.bilt
      verbose: v.verbose,
      log,
    });
    cleanups.push(() => cs.stop());
    writeFileSync(path.join(run.root, 'url.txt'), url + '\n');
    wb = await openWorkbench({ executablePath: install.chromium, run, url, echoConsole: v.echo });
    cleanups.push(() => wb?.close());
    log(`chromium ${wb.version} opened the workbench`);
    const page = new WorkbenchPage(wb.page);
    const loaded = await page.ready('Bilt').then(
      async () => {
        const title = await wb!.page.title();
        return title.includes('[Extension Development Host]')
          ? undefined
          : `not a development window: the title is "${title}"`;
      },
      (err: unknown) =>
        `the extension did not load (no Bilt in the activity bar): ${err instanceof Error ? err.message : String(err)}`,
    );
    if (loaded) {
      failure = loaded;
    } else {
      log(`"${await wb.page.title()}": the activity bar shows Bilt`);
    }

    const ctx: JourneyContext = {
      wb: page,
      log: (m) => log(`  ${m}`),
      screenshot: async (name, other) => {
        const file = await takeScreenshot(other ?? wb!.page, shots, name, { fullPage: other !== undefined });
        const rel = path.relative(process.cwd(), file);
        log(`  screenshot ${rel.startsWith('..') ? file : rel}`);
      },
    };
    const deadline = t0 + timeoutMs;
    for (const step of failure ? [] : journey) {
      const started = Date.now();
      log(`step ${step.name}`);
      const left = deadline - Date.now();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the journey's time limit (${timeoutMs} ms) ran out`)),
          Math.max(left, 0),
        );
      });
      try {
        await Promise.race([step.run(ctx), late]);
      } catch (err) {
        failure = `${step.name}: ${err instanceof Error ? err.message : String(err)}`;
        break;
      } finally {
        clearTimeout(timer);
      }
      if (step.shot) {
        await page.restMouse();
        await ctx.screenshot(step.shot);
      }
      passed++;
      log(`  ✓ ${((Date.now() - started) / 1000).toFixed(1)}s`);
    }
    if (failure) {
      log(`FAILED ${failure}`);
      log(`  tree rows: ${JSON.stringify(await page.rows().catch(() => []))}`);
      log(`  screenshot ${await takeScreenshot(wb.page, run.root, 'failure').catch(() => 'failed')}`);
    }
  } catch (err) {
    log(`ERROR ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    if (wb) {
      log(`screenshot ${await takeScreenshot(wb.page, run.root, 'failure').catch(() => 'failed')}`);
    }
    await cleanups.run();
    log(`logs: ${run.root} (code-server.log, browser-console.log, user-data/logs, engine-data/engine.log)`);
    console.log(`${passed} passed, 1 failed`);
    return 2;
  }
  await cleanups.run();
  log(`logs: ${run.root} (code-server.log, browser-console.log, user-data/logs, engine-data/engine.log)`);
  console.log(`\n${passed} passed, ${failure ? 1 : 0} failed (of ${journey.length} steps)`);
  return failure ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
