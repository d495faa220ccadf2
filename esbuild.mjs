// One bundle per entry point. Only the extension bundle may reference `vscode` (kept external);
// the engine and the bridge bundles are built without that external, so a stray `vscode` import
// anywhere in their graph fails the build.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

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

const entries = [
  { in: 'src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  { in: 'src/engine.ts', out: 'dist/engine.js', external: [] },
  { in: 'src/bridge.ts', out: 'dist/bridge.js', external: [] },
].filter((e) => existsSync(e.in));

const contexts = await Promise.all(
  entries.map((e) => esbuild.context({ ...common, entryPoints: [e.in], outfile: e.out, external: e.external })),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
