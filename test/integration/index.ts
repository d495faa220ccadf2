/**
 * The test runner that VS Code's extension host loads through `extensionTestsPath` (compiled to
 * out/integration/index.js by scripts/harness/buildTests.ts). It runs every `*.test.js` beside it in
 * one mocha instance, inside the real extension host, with the real `vscode` API.
 *
 * Under the code-server harness (scripts/harness/driver.ts) the driver sets BILT_IT_RESULTS: run()
 * then writes the results there (atomically), and keeps the extension host, and so the extension's
 * views, alive until the driver's browser steps are done (`<results>.screenshot-done`) or
 * BILT_IT_HOLD_MS pass. Under @vscode/test-electron nothing is set, and run() settles at once.
 * Either way run() rejects when a test failed or none ran, which VS Code turns into its exit code.
 */
import fs from 'node:fs';
import path from 'node:path';
import type MochaType from 'mocha';
import * as vscode from 'vscode';
import { DONE_SUFFIX, RUNNER_ENV, type IntegrationResults } from './results';

/** mocha 12 is ESM: `require('mocha')` gives its namespace (Node ≥ 20.19 / 22.12), mocha 11 the class itself. */
function loadMocha(): typeof MochaType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const m = require('mocha') as { Mocha?: typeof MochaType; default?: typeof MochaType } & typeof MochaType;
  return m.Mocha ?? m.default ?? m;
}

function hostInfo(): IntegrationResults['host'] {
  return {
    appName: vscode.env.appName,
    vscodeVersion: vscode.version,
    uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
    node: process.version,
  };
}

function runMocha(mocha: MochaType, started: number): Promise<IntegrationResults> {
  const results: IntegrationResults = {
    passed: 0,
    failed: 0,
    pending: 0,
    tests: [],
    failures: [],
    host: hostInfo(),
    durationMs: 0,
  };
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      results.durationMs = Date.now() - started;
      resolve(results);
    });
    runner.on('pass', (t) => {
      results.passed++;
      results.tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration });
    });
    runner.on('pending', (t) => {
      results.pending++;
      results.tests.push({ title: t.fullTitle(), state: 'pending' });
    });
    // Also fires for failed hooks (a `before` that throws), which mocha counts as failures too.
    runner.on('fail', (t, err: Error) => {
      results.failed++;
      results.tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration });
      results.failures.push({ title: t.fullTitle(), message: String(err?.message ?? err), stack: err?.stack });
    });
  });
}

function writeAtomically(file: string, results: IntegrationResults): void {
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.tmp`, file); // the driver never reads half a file
}

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function run(): Promise<void> {
  const started = Date.now();
  const resultsFile = process.env[RUNNER_ENV.results];
  let results: IntegrationResults;
  try {
    const Mocha = loadMocha();
    const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 30_000 });
    const grep = process.env[RUNNER_ENV.grep];
    if (grep) {
      mocha.grep(new RegExp(grep));
    }
    for (const f of fs
      .readdirSync(__dirname)
      .filter((n) => n.endsWith('.test.js'))
      .sort()) {
      mocha.addFile(path.join(__dirname, f));
    }
    results = await runMocha(mocha, started);
  } catch (err) {
    // A suite that throws while loading (or mocha itself) is one failure, reported like the others.
    const e = err instanceof Error ? err : new Error(String(err));
    results = {
      passed: 0,
      failed: 1,
      pending: 0,
      tests: [],
      failures: [{ title: 'loading the test files', message: e.message, stack: e.stack }],
      host: hostInfo(),
      durationMs: Date.now() - started,
    };
  }
  console.log(
    `[bilt-it] ${results.passed} passed, ${results.failed} failed, ${results.pending} pending in ${results.durationMs} ms`,
  );
  if (resultsFile) {
    writeAtomically(resultsFile, results);
    // Settling run() makes the workbench stop the extension host (its views go blank): wait for the driver.
    await waitForFile(resultsFile + DONE_SUFFIX, Number(process.env[RUNNER_ENV.holdMs] ?? 60_000));
  }
  if (results.failed > 0) {
    throw new Error(`${results.failed} integration test(s) failed`);
  }
  if (results.passed === 0) {
    throw new Error('no integration test ran');
  }
}
