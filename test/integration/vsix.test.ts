/**
 * The packaged extension, as a person installs it: `npm run test:vsix` packages the VSIX, installs it
 * into code-server (scripts/harness/vsix.ts) and runs this suite and the workflow suite against the
 * installed copy. Skipped in the ordinary integration run, where Bilt is the development folder.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { RUNNER_ENV } from './results';
import { api, EXTENSION_ID, until } from './support';

interface Manifest {
  version: string;
  icon?: string;
  repository?: { url?: string };
  contributes?: { commands?: Array<{ command: string }> };
}

const vsix = process.env[RUNNER_ENV.vsix];

(vsix ? describe : describe.skip)('Bilt installed from its VSIX', function () {
  this.timeout(60_000);

  it('is the installed copy, not the development folder, and holds what it needs to run', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    const repo = process.env[RUNNER_ENV.repo] ?? '';
    assert.notEqual(path.resolve(ext.extensionPath), path.resolve(repo), 'loaded from the repo, not the VSIX');
    const manifest = ext.packageJSON as Manifest;
    assert.match(path.basename(ext.extensionPath), new RegExp(`^${EXTENSION_ID}-${manifest.version}`));
    for (const file of ['dist/extension.js', 'dist/extension-deferred.js', 'dist/bridge.js', 'dist/engine.js']) {
      assert.ok(existsSync(path.join(ext.extensionPath, file)), `${file} is not in the VSIX`);
    }
    assert.ok(manifest.icon && existsSync(path.join(ext.extensionPath, manifest.icon)), 'the icon is in the VSIX');
    assert.ok(!existsSync(path.join(ext.extensionPath, 'src')), 'the VSIX ships the bundles, not the sources');
  });

  it('activates, registers its commands and starts its own local engine', async () => {
    const a = await api();
    const registered = new Set(await vscode.commands.getCommands(true));
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = ((ext.packageJSON as Manifest).contributes?.commands ?? []).map((c) => c.command);
    assert.deepEqual(
      contributed.filter((c) => !registered.has(c)),
      [],
    );
    await until(() => a.store.snapshot('local')?.status.state === 'ready', 'the local engine to be ready', 30_000);
  });
});
