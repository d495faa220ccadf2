// One bundle per entry point. Only the extension bundle may reference `vscode` (kept external);
// the engine and bridge bundles are built without that external, so a stray `vscode` import
// anywhere in their graph fails the build.
import * as esbuild from 'esbuild';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

/** The tool descriptions the bridge's stdio front answers with, computed from the server's own code. */
const describeBridge = {
  name: 'describe-bridge',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) {
        return;
      }
      const require = createRequire(import.meta.url);
      const file = fileURLToPath(new URL('./dist/bridge-server.js', import.meta.url));
      delete require.cache[file];
      writeFileSync('dist/bridge-tools.json', JSON.stringify(require(file).describeBridge()) + '\n');
    });
  },
};

const entries = [
  { in: 'src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  { in: 'src/engine.ts', out: 'dist/engine.js', external: [] },
  // the bridge is two bundles: a tiny stdio front and the full server it loads on demand
  { in: 'src/mcp/bridge/main.ts', out: 'dist/bridge-server.js', external: [], plugins: [describeBridge] },
  { in: 'src/bridge.ts', out: 'dist/bridge.js', external: [] },
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map((e) =>
    esbuild.context({ ...common, entryPoints: [e.in], outfile: e.out, external: e.external, plugins: e.plugins ?? [] }),
  ),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
