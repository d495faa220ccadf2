/**
 * The same integration tests (out/integration/index.js) in a desktop VS Code, through @vscode/test-electron.
 * VSCODE_EXECUTABLE_PATH=/path/to/code uses that VS Code; without it @vscode/test-electron downloads
 * the latest stable one (into <harness dir>/vscode-test), which needs the internet. On a Linux machine
 * without a display, run it under xvfb-run. The runner settles as soon as the tests are over here (no
 * results file), and VS Code's exit code says whether they passed; mocha's report goes to stdout.
 *
 *   npm run test:integration:electron            (builds first)
 *   npx tsx scripts/harness/electron.ts [--grep REGEX]
 */
import { runTests, TestRunFailedError } from '@vscode/test-electron';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RUNNER_ENV } from '../../test/integration/results';
import { stopLocalEngine } from './engine';
import { harnessDir } from './paths';

const repo = path.resolve(__dirname, '../..');
const { values: opt } = parseArgs({ options: { grep: { type: 'string' } } });

async function main(): Promise<number> {
  const tests = path.join(repo, 'out/integration/index.js');
  if (!existsSync(tests)) {
    throw new Error(`${tests} not found: build the tests first (npx tsx scripts/harness/buildTests.ts)`);
  }
  const executable = process.env.VSCODE_EXECUTABLE_PATH;
  if (executable && !existsSync(executable)) {
    throw new Error(`VSCODE_EXECUTABLE_PATH=${executable} does not exist`);
  }
  // Short: VS Code puts its IPC sockets in the user data dir.
  const work = mkdtempSync(path.join(os.tmpdir(), 'bilt-it-'));
  const dir = (name: string): string => {
    mkdirSync(path.join(work, name));
    return path.join(work, name);
  };
  const engineData = dir('engine-data');
  console.log(
    executable
      ? `VS Code: ${executable}`
      : 'VSCODE_EXECUTABLE_PATH is not set: downloading VS Code (needs the internet)',
  );
  try {
    await runTests({
      ...(executable
        ? { vscodeExecutablePath: executable }
        : { cachePath: path.join(harnessDir(), 'vscode-test'), timeout: 20_000 }),
      extensionDevelopmentPath: repo,
      extensionTestsPath: tests,
      extensionTestsEnv: {
        BILT_ENGINE_DATA_DIR: engineData, // the tests never touch ~/.bilt
        ...(opt.grep ? { [RUNNER_ENV.grep]: opt.grep } : {}),
      },
      // A workspace folder first, then a throwaway profile (by default it would go into ./.vscode-test).
      launchArgs: [dir('ws'), `--user-data-dir=${dir('ud')}`, `--extensions-dir=${dir('ext')}`, '--disable-extensions'],
    });
    console.log('integration tests passed in desktop VS Code');
    return 0;
  } catch (err) {
    if (err instanceof TestRunFailedError) {
      console.error(`integration tests failed in desktop VS Code (exit ${err.code ?? err.signal})`);
      return 1;
    }
    const why = err instanceof Error ? err.message : String(err);
    if (!executable) {
      console.error(
        `Could not download VS Code (${why}).\n` +
          'Set VSCODE_EXECUTABLE_PATH to a desktop VS Code (e.g. /usr/share/code/code), or run the same tests in ' +
          'code-server with `npm run test:integration`, which needs no download.',
      );
    } else {
      console.error(`Could not run ${executable}: ${why}`);
    }
    return 2;
  } finally {
    stopLocalEngine(repo, engineData, (m) => console.log(m));
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
