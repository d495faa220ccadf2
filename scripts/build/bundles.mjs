// The bundles of the three programs (docs/ARCHITECTURE.md), as esbuild options. Only the extension's first
// file may reference `vscode` (kept external); the other bundles are built without that external, so a
// stray `vscode` import anywhere in their graph fails the build.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deferModules, deferredEntry } from './deferred.mjs';

/** The tool descriptions the bridge's stdio front answers with, computed from the server's own code. */
function describeBridge(outdir) {
  return {
    name: 'describe-bridge',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length > 0) {
          return;
        }
        const require = createRequire(import.meta.url);
        const file = path.join(outdir, 'bridge-server.js');
        delete require.cache[file];
        writeFileSync(path.join(outdir, 'bridge-tools.json'), JSON.stringify(require(file).describeBridge()) + '\n');
      });
    },
  };
}

/**
 * One `vscode` namespace for the whole extension bundle. esbuild turns each `import * as vscode from
 * 'vscode'` of an external module into a copy of the API object (a getter per property, in every module
 * that imports it: ~40 copies of a few hundred properties, several ms of activation); importing it through
 * one module that re-exports it makes that one copy.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once'
        ? { path: 'vscode', external: true }
        : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({
      contents: "export * from 'vscode';",
      loader: 'js',
    }));
  },
};

/** esbuild options for every bundle, written into `outdir` (absolute). */
export function bundles({ root, outdir, production }) {
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: production ? false : 'linked',
    minify: production,
    logLevel: 'warning',
    legalComments: 'none',
    metafile: true,
    // src/core/version.ts: the version, without bundling the whole package.json
    define: { BILT_VERSION: JSON.stringify(version) },
  };
  const out = (name) => path.join(outdir, name);
  return [
    {
      ...common,
      entryPoints: ['src/extension.ts'],
      outfile: out('extension.js'),
      external: ['vscode'],
      plugins: [deferModules(root), vscodeOnce],
      // src/ui/activationTime.ts: when the bundle's first statement ran (the directive stays first)
      banner: { js: '"use strict";\nvar BILT_BUNDLE_START = performance.now();' },
    },
    // what dist/extension.js loads on first use (scripts/build/deferred.mjs)
    { ...common, stdin: deferredEntry(root), outfile: out('extension-deferred.js') },
    { ...common, entryPoints: ['src/engine.ts'], outfile: out('engine.js') },
    // the bridge is two bundles: a tiny stdio front and the full server it loads on demand
    {
      ...common,
      entryPoints: ['src/mcp/bridge/main.ts'],
      outfile: out('bridge-server.js'),
      plugins: [describeBridge(outdir)],
    },
    { ...common, entryPoints: ['src/bridge.ts'], outfile: out('bridge.js') },
  ];
}
