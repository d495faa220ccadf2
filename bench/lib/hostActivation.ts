/**
 * The extension's activation in a real VS Code extension host, with the integration harness's machinery
 * (scripts/harness: code-server 4.139 = VS Code 1.139 with a Node 24 extension host, headless Chromium).
 * Each run is a fresh code-server and user-data dir serving a development window of the extension
 * folder; VS Code activates the extension on startup as it would for a user. The folder's manifest names
 * a two-line wrapper as its main, which times `require('./dist/extension.js')` (reading, compiling and
 * evaluating the file) and `activate()` around the calls, in wall-clock and CPU time, and writes them with the figure the extension
 * reports itself (the API's `activation`, also its "activated in" log line) to a file. Run dirs go to a
 * private folder, so no other harness run is pruned.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openWorkbench } from '../../scripts/harness/browser';
import { startDevWindowServer } from '../../scripts/harness/devWindow';
import { stopLocalEngine } from '../../scripts/harness/engine';
import { makeRunDir, readInstall } from '../../scripts/harness/paths';
import { sleep } from '../../scripts/harness/ui';

export interface HostActivation {
  /** require() of dist/extension.js: read, compile, evaluate. */
  requireMs: number;
  /** activate() up to its return, around the call. */
  activateMs: number;
  /** CPU time of the extension host's main thread over both (user + system): what they cost, whatever else runs. */
  cpuMs: number;
  /** The extension's own figure (module evaluation + activate()); absent in builds that do not report it. */
  reported?: { moduleMs: number; activateMs: number; totalMs: number; deferredLoaded: boolean };
}

const OUT_ENV = 'BILT_BENCH_ACTIVATION_OUT';
const WRAPPER = 'bench-activation-main.js';

/** Makes `extensionDir`'s main the timing wrapper (the folder is a benchmark's copy, never the repo). */
export function installTimingWrapper(extensionDir: string): void {
  const manifestFile = path.join(extensionDir, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { main: string };
  const main = `./${path.posix.normalize(manifest.main)}`;
  writeFileSync(
    path.join(extensionDir, WRAPPER),
    [
      '// bench/lib/hostActivation.ts: times loading and activating the real main, nothing else',
      '// CPU time of this thread (Node >= 23.9; the extension host runs Node 24), else of the process',
      'const cpu = (prev) => (process.threadCpuUsage ?? process.cpuUsage).call(process, prev);',
      `const c0 = cpu(); const t0 = performance.now();`,
      `const ext = require(${JSON.stringify(main)});`,
      'const t1 = performance.now(); const c1 = cpu(c0);',
      'exports.activate = (context) => {',
      '  const c2 = cpu(); const t2 = performance.now();',
      '  const api = ext.activate(context);',
      '  const t3 = performance.now(); const c3 = cpu(c2);',
      '  const cpuMs = (c1.user + c1.system + c3.user + c3.system) / 1000;',
      '  const figures = { requireMs: t1 - t0, activateMs: t3 - t2, cpuMs, reported: api && api.activation };',
      `  require('node:fs').writeFileSync(process.env.${OUT_ENV}, JSON.stringify(figures));`,
      '  return api;',
      '};',
      'exports.deactivate = () => ext.deactivate && ext.deactivate();',
      '',
    ].join('\n'),
  );
  writeFileSync(manifestFile, JSON.stringify({ ...manifest, main: `./${WRAPPER}` }, null, 2));
}

/** One fresh window of `extensionDir` (with the wrapper installed); its activation figures. */
export async function activateInHost(
  extensionDir: string,
  runsDir: string,
  log: (line: string) => void,
  timeoutMs = 90_000,
): Promise<HostActivation> {
  const install = readInstall();
  const run = makeRunDir(runsDir);
  const workspace = path.join(run.root, 'ws');
  mkdirSync(workspace, { recursive: true });
  const out = path.join(run.root, 'activation.json');
  const undo: Array<() => unknown> = [() => stopLocalEngine(extensionDir, run.engineData, log)];
  try {
    const { cs, url } = await startDevWindowServer({
      install,
      run,
      extension: extensionDir,
      workspace,
      settings: {},
      // the engine the extension starts is a throwaway one
      env: { BILT_ENGINE_DATA_DIR: run.engineData, [OUT_ENV]: out },
      verbose: false,
      log,
    });
    undo.push(() => cs.stop());
    const wb = await openWorkbench({ executablePath: install.chromium, run, url, echoConsole: false });
    undo.push(() => wb.close());
    for (const deadline = Date.now() + timeoutMs; !existsSync(out); await sleep(200)) {
      if (Date.now() > deadline) {
        throw new Error(`the extension did not activate within ${timeoutMs / 1000} s (see ${run.root})`);
      }
    }
    // the store starts the local engine after activation: wait for it, so that it is stopped below
    const engineFile = path.join(run.engineData, 'engine.json');
    for (const deadline = Date.now() + 20_000; !existsSync(engineFile) && Date.now() < deadline;) {
      await sleep(200);
    }
    return JSON.parse(readFileSync(out, 'utf8')) as HostActivation;
  } finally {
    for (let u = undo.pop(); u; u = undo.pop()) {
      await Promise.resolve()
        .then(u)
        .catch(() => undefined);
    }
  }
}
