/**
 * Testing the packaged extension: the VSIX is installed into the run's `--extensions-dir` with
 * code-server's own `--install-extension` (offline: a file, no gallery), as a person installs it. The
 * workbench's development folder is then `vsix-host/`, an empty extension that only hosts the test
 * runner, so the Bilt the tests talk to is the installed one (test/integration/vsix.test.ts checks it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { HarnessInstall, RunDir } from './paths';

/** The empty development extension, relative to the repo. */
export const VSIX_HOST = 'scripts/harness/vsix-host';

export function installVsix(install: HarnessInstall, run: RunDir, vsix: string, log: (msg: string) => void): void {
  if (!existsSync(vsix)) {
    throw new Error(`${vsix} not found: run \`npm run package\` first`);
  }
  const args = [install.codeServerEntry, '--extensions-dir', run.extensions, '--user-data-dir', run.userData];
  const r = spawnSync(install.node, [...args, '--install-extension', vsix], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, XDG_CONFIG_HOME: run.xdgConfig, XDG_DATA_HOME: run.xdgData, EXTENSIONS_GALLERY: '{}' },
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.status !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`installing ${vsix} failed (exit ${r.status ?? r.signal}): ${output || r.error?.message}`);
  }
  log(`installed ${vsix}: ${output.split('\n').pop()}`);
}
