// The extension in two files. dist/extension.js holds what activation and the first paint need; the
// modules listed in DEFERRED_MODULES, and everything only they import (zod, the MCP SDK client with ajv,
// the contracts), go to dist/extension-deferred.js, which is required on the first use of one of their
// exports (in practice: the first contact with a server, which the connector starts after activate()
// has returned). esbuild cannot split a CommonJS bundle, so the seam is made here, at build time:
//
//  - in dist/extension.js each deferred module is replaced by a stub with the same exports, each a getter
//    that requires dist/extension-deferred.js once and reads the real export from it;
//  - dist/extension-deferred.js exports the deferred modules by their path (`modules['src/api/client.ts']`).
//
// The source does not change: `import { BiltClient } from '../../api/client'` reads the same everywhere,
// and unit tests run the modules as they are. Two rules follow: a deferred export must not be read while
// the extension loads or activates (that would load the second file then: the extension's
// `activation.deferredLoaded` says so, and test/integration/activation.test.ts fails), and modules both
// files contain exist twice, so nothing may depend on their identity except through a brand (BiltError's
// `instanceof` works across both copies, see src/core/errors.ts). test/unit/extensionBundle.test.ts fails
// when zod, the SDK or any other package reaches dist/extension.js again.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Modules dist/extension.js takes from dist/extension-deferred.js on first use (paths from the repo root). */
export const DEFERRED_MODULES = [
  'src/api/client.ts', // connecting: the MCP SDK client, the contracts, the Session API
  'src/api/http/proxyFetch.ts', // reaching remote servers through a proxy (undici is required on its own road only)
  'src/api/local/launcher.ts', // finding or starting the local engine
  'src/api/local/discovery.ts', // the discovery file's schema
  'src/api/watch/serverEvents.ts', // the event stream's schemas (the store's push driver)
  'src/actions/inputs.ts', // input checks with the engine's zod fields
  'src/core/contract/agentTools.ts', // the agent tools' zod inputs
  'src/core/validation.ts', // zod errors → BiltErrors
  'src/core/contract/linkFile.ts', // the workspace link file's schema (read after activation)
];

/** The file the stubs require, relative to dist/extension.js. */
export const DEFERRED_FILE = './extension-deferred.js';

/** The entry of dist/extension-deferred.js: every deferred module's namespace, by its path. */
export function deferredEntry(root) {
  const lines = DEFERRED_MODULES.map((m, i) => `import * as m${i} from './${m}';`);
  const map = DEFERRED_MODULES.map((m, i) => `  ${JSON.stringify(m)}: m${i},`);
  return {
    contents: [...lines, 'export const modules = {', ...map, '};', ''].join('\n'),
    resolveDir: root,
    sourcefile: 'extension-deferred-entry.js',
    loader: 'js',
  };
}

/** A module's value exports (type-only exports are gone once esbuild has read it). */
async function exportNames(file) {
  const r = await esbuild.build({
    entryPoints: [file],
    bundle: false,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    outdir: 'unused',
    logLevel: 'silent',
  });
  return Object.values(r.metafile.outputs)[0].exports;
}

function stubSource(module, names) {
  return [
    `// ${module} lives in ${DEFERRED_FILE}, loaded on the first use of one of its exports (scripts/build/deferred.mjs)`,
    'let real;',
    `const load = () => (real ??= require(${JSON.stringify(DEFERRED_FILE)}).modules[${JSON.stringify(module)}]);`,
    'Object.defineProperty(exports, "__esModule", { value: true });',
    ...names.map(
      (n) =>
        `Object.defineProperty(exports, ${JSON.stringify(n)}, { enumerable: true, get: () => load()[${JSON.stringify(n)}] });`,
    ),
    '',
  ].join('\n');
}

/** The plugin of dist/extension.js: each import of a deferred module gets its stub. */
export function deferModules(root) {
  const deferred = new Set(DEFERRED_MODULES.map((m) => path.join(root, m)));
  const resolveTs = (p) => [`${p}.ts`, path.join(p, 'index.ts'), p].find((f) => existsSync(f));
  return {
    name: 'defer-modules',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.path === DEFERRED_FILE && args.namespace === 'deferred-stub') {
          return { path: DEFERRED_FILE, external: true };
        }
        const file = resolveTs(path.resolve(args.resolveDir, args.path));
        if (!file || !deferred.has(file)) {
          return undefined;
        }
        const module = path.relative(root, file).split(path.sep).join('/');
        return { path: module, namespace: 'deferred-stub', pluginData: { file } };
      });
      build.onLoad({ filter: /.*/, namespace: 'deferred-stub' }, async (args) => ({
        contents: stubSource(args.path, await exportNames(args.pluginData.file)),
        loader: 'js',
        resolveDir: root,
        watchFiles: [args.pluginData.file], // --watch: new exports, new stub
      }));
    },
  };
}
