/**
 * The extension in a real VS Code extension host: it is there, it activates (and says how long that
 * took, without loading dist/extension-deferred.js yet), every command its package.json contributes is
 * registered (read from the manifest, so new commands are covered without touching this file), and the
 * diagnostics command runs.
 */
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'bilt-community.bilt-vscode';

interface Manifest {
  main?: string;
  contributes?: { commands?: Array<{ command: string }> };
}

describe('Bilt in a real VS Code extension host', () => {
  let ext: vscode.Extension<unknown>;

  before(() => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is not loaded (is extensionDevelopmentPath the repo?)`);
    ext = found;
  });

  it('runs with a throwaway engine data dir, never ~/.bilt', () => {
    const dataDir = process.env.BILT_ENGINE_DATA_DIR;
    assert.ok(dataDir, 'BILT_ENGINE_DATA_DIR is not set in the extension host (the harness sets it)');
    assert.ok(!dataDir.startsWith(path.join(os.homedir(), '.bilt')), `BILT_ENGINE_DATA_DIR is ${dataDir}`);
  });

  it('is loaded from the development path with its bundle as main', () => {
    const manifest = ext.packageJSON as Manifest;
    assert.equal(manifest.main?.replace(/^\.\//, ''), 'dist/extension.js');
  });

  it('activates', async () => {
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('reports how long loading and activating took, with the deferred file not loaded by then', () => {
    const { activation } = ext.exports as {
      activation: { moduleMs?: number; totalMs: number; deferredLoaded: boolean };
    };
    assert.equal(typeof activation.moduleMs, 'number', 'no module figure: is dist/extension.js built by esbuild.mjs?');
    assert.ok(activation.totalMs > 0);
    assert.equal(activation.deferredLoaded, false, 'a deferred export was read while activating (docs/PERFORMANCE.md)');
  });

  it('registers every command contributed in package.json', async () => {
    const contributed = ((ext.packageJSON as Manifest).contributes?.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.equal(missing.length, 0, `contributed in package.json but not registered: ${missing.join(', ')}`);
  });

  it('runs bilt.showLogs', async () => {
    await vscode.commands.executeCommand('bilt.showLogs');
  });
});
