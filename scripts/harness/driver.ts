/**
 * Runs the integration tests inside a real VS Code extension host: code-server (installed by setup.sh)
 * serves the workbench and a Node 24 extension host; headless Chromium opens it with a payload that
 * loads this repo as the extension under development and runs the compiled test runner.
 * Exit code: 0 only when no test failed and at least one passed; 1 on test failures; 2 when the harness
 * itself failed. Logs of each run: <harness>/runs/r-XXXXXX/ (printed at the end).
 *
 *   npx tsx scripts/harness/driver.ts [--tests out/integration/index.js] [--workspace DIR] [--ui SCRIPT]
 *     [--screenshots DIR] [--settings JSON|FILE] [--timeout MS] [--env KEY=VALUE]... [--grep REGEX]
 *     [--code-server-arg=ARG]... [--echo] [--verbose]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DONE_SUFFIX, RUNNER_ENV, type IntegrationResults } from '../../test/integration/results';
import { openWorkbench, type Workbench } from './browser';
import { readOptions, type DriverOptions } from './cli';
import { startCodeServer, type CodeServer } from './codeServer';
import { stopLocalEngine } from './engine';
import { makeRunDir, readInstall, type RunDir } from './paths';
import { workbenchUrl } from './payload';
import { printResults, waitForResults } from './report';
import { installTestExtensions } from './testExtensions';
import { installVsix, VSIX_HOST } from './vsix';
import { loadUiScript, sleep, takeScreenshot, waitForFile, type UiContext } from './ui';

const repo = path.resolve(__dirname, '../..');
/**
 * User settings of every integration run (`--settings` is merged over them). The Chat view and chat
 * participants need AI features on (the harness's quiet defaults turn them off); tests run tool calls
 * without confirmation clicks through global auto-approve, which needs the context key
 * `vscode.chat.tools.global.autoApprove.testMode` set by the test (`autoApproveTools()` in
 * test/integration/support.ts) before any MCP tool call: else the workbench asks "Enable global auto
 * approve?" in a dialog that it refuses under tests.
 */
const INTEGRATION_SETTINGS: Record<string, unknown> = {
  'chat.disableAIFeatures': false,
  'chat.tools.global.autoApprove': true,
  // the suites script their workflows with the emulator (the default agent is the builder)
  'bilt.localEngine.agent': 'emulator',
};
const t0 = Date.now();
const log = (msg: string): void => console.log(`[harness ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);
/** Undone in reverse order at the end of the run, or on Ctrl-C (code-server runs in its own process group). */
const cleanups: Array<() => unknown> = [];
async function cleanUp(): Promise<void> {
  for (let c = cleanups.pop(); c; c = cleanups.pop()) {
    await Promise.resolve()
      .then(c)
      .catch(() => undefined);
  }
}
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  process.once(signal, () => void cleanUp().then(() => process.exit(code)));
}

interface Outcome {
  results: IntegrationResults;
  uiError?: Error;
}

/** Waits for the runner's results while the UI script (or the default screenshot) runs, then lets run() settle. */
async function testsAndUi(
  wb: Workbench,
  cs: CodeServer,
  run: RunDir,
  opt: DriverOptions,
  shots: string,
): Promise<Outcome> {
  const deadline = t0 + opt.timeoutMs;
  const resultsReady = waitForResults({
    file: run.results,
    deadline,
    abort: () =>
      cs.exited()
        ? 'code-server exited during the run'
        : wb.automationExit() !== null
          ? `the workbench ended the test run (code ${wb.automationExit()}) without results; see browser-console.log`
          : undefined,
  });
  const testsDone = resultsReady.then(() => undefined);
  testsDone.catch(() => undefined); // the rejection is handled through resultsReady
  const ctx: UiContext = {
    resultsFile: run.results,
    runDir: run.root,
    screenshotsDir: shots,
    testsDone,
    log: (m) => log(`[ui] ${m}`),
    sleep,
    waitForFile,
    screenshot: (name) => takeScreenshot(wb.page, shots, name),
  };
  const steps = opt.ui
    ? loadUiScript(opt.ui).then((fn) => fn(wb.page, ctx))
    : testsDone.then(async () => log(`screenshot ${await takeScreenshot(wb.page, shots, 'workbench')}`));
  const ui = steps.then(
    () => undefined,
    (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
  );

  const results = await resultsReady;
  log(`results after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  const late = sleep(Math.max(deadline - Date.now(), 10_000)).then(
    () => new Error('the UI script did not finish in time'),
  );
  const uiError = await Promise.race([ui, late]);
  if (results.failed > 0 || uiError) {
    log(`screenshot ${await takeScreenshot(wb.page, run.root, 'failure')}`);
  }
  writeFileSync(run.results + DONE_SUFFIX, ''); // lets run() settle
  for (let i = 0; i < 50 && wb.automationExit() === null; i++) {
    await sleep(100);
  }
  log(`the workbench reported the test run's exit code: ${wb.automationExit() ?? 'none within 5s'}`);
  return { results, uiError };
}

async function main(): Promise<number> {
  const opt = readOptions(repo);
  const tests = opt.tests;
  if (!existsSync(tests)) {
    throw new Error(`${tests} not found: build the tests first (npx tsx scripts/harness/buildTests.ts)`);
  }
  const install = readInstall();
  const run = makeRunDir(install.harnessDir);
  const shots = opt.screenshots ?? run.root;
  const workspace = opt.workspace ?? path.join(run.root, 'ws');
  mkdirSync(workspace, { recursive: true });
  log(`run dir ${run.root}`);
  cleanups.push(() => stopLocalEngine(repo, run.engineData, log));

  let outcome: Outcome | undefined;
  let wb: Workbench | undefined;
  try {
    installTestExtensions(repo, run.extensions, log);
    if (opt.vsix) {
      installVsix(install, run, opt.vsix, log);
    }
    const cs = await startCodeServer({
      install,
      run,
      settings: { ...INTEGRATION_SETTINGS, ...opt.settings },
      extraArgs: opt.codeServerArgs,
      verbose: opt.verbose,
      log,
    });
    cleanups.push(() => cs.stop());
    const url = workbenchUrl({
      baseUrl: cs.baseUrl,
      authority: `127.0.0.1:${cs.port}`,
      workspace,
      // testing a VSIX: the development folder is an empty host for the test runner, Bilt is the installed one
      extensionDevelopmentPath: opt.vsix ? path.join(repo, VSIX_HOST) : opt.extension,
      extensionTestsPath: tests,
      extensionEnvironment: {
        BILT_ENGINE_DATA_DIR: run.engineData, // the tests never touch ~/.bilt
        // the suites create more projects than the 10 an hour a person may
        BILT_ENGINE_EXTRA_ARGS: '--projects-per-hour 1000',
        [RUNNER_ENV.results]: run.results,
        [RUNNER_ENV.holdMs]: String(opt.timeoutMs),
        ...(opt.grep ? { [RUNNER_ENV.grep]: opt.grep } : {}),
        ...(opt.vsix ? { [RUNNER_ENV.vsix]: opt.vsix } : {}),
        [RUNNER_ENV.repo]: repo, // the test fixtures (a VSIX does not ship them)
        ...opt.env,
      },
    });
    writeFileSync(path.join(run.root, 'url.txt'), url + '\n');
    wb = await openWorkbench({ executablePath: install.chromium, run, url, echoConsole: opt.echo });
    cleanups.push(() => wb?.close());
    log(`chromium ${wb.version} opened the workbench`);
    outcome = await testsAndUi(wb, cs, run, opt, shots);
  } catch (err) {
    log(`ERROR ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    if (wb) {
      log(`screenshot ${await takeScreenshot(wb.page, run.root, 'failure').catch(() => 'failed')}`);
    }
  } finally {
    await cleanUp();
  }
  log(`logs: ${run.root} (code-server.log, browser-console.log, user-data/logs)`);
  if (!outcome) {
    console.log('0 passed, 1 failed');
    return 2;
  }
  const { results, uiError } = outcome;
  printResults(results);
  if (uiError) {
    console.log(`  UI script failed: ${uiError.message}\n`);
  }
  const failed = results.failed + (uiError ? 1 : 0);
  console.log(`${results.passed} passed, ${failed} failed`);
  return failed === 0 && results.passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
