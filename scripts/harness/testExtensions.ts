/**
 * Test-only extensions installed beside the extension under development: each folder is copied, before
 * code-server starts, into the run's `--extensions-dir` under the name VS Code gives an installed
 * extension (`<publisher>.<name>-<version>`), so the workbench loads it as an ordinary installed
 * extension. (The payload's extensionDevelopmentPath stays this repo alone: a second entry would
 * replace the first.) Used by the integration driver and the browser journey, not by `npm start`.
 */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** test/fixtures/scripted-model: the language model "Bilt Scripted" (vendor bilt-test), see its README.md. */
export const TEST_EXTENSIONS = ['test/fixtures/scripted-model'];

interface ExtensionManifest {
  publisher: string;
  name: string;
  version: string;
}

/** Copies the test extensions into `extensionsDir` (a run's `run.extensions`); returns their ids (`publisher.name`). */
export function installTestExtensions(repo: string, extensionsDir: string, log: (msg: string) => void): string[] {
  return TEST_EXTENSIONS.map((folder) => {
    const source = path.join(repo, folder);
    const m = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')) as ExtensionManifest;
    cpSync(source, path.join(extensionsDir, `${m.publisher}.${m.name}-${m.version}`), { recursive: true });
    const id = `${m.publisher}.${m.name}`;
    log(`installed the test extension ${id} ${m.version} (${folder})`);
    return id;
  });
}
