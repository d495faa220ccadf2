/**
 * Compiles the integration tests (test/integration: the runner index.ts and every *.test.ts) into
 * out/integration/, one CommonJS file each, for VS Code's extension host to load. `vscode` is provided by
 * the host and `mocha` is loaded from the repo's node_modules at run time, so both stay external.
 * Usage: npx tsx scripts/harness/buildTests.ts
 */
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const srcDir = path.join(root, 'test/integration');
const outDir = path.join(root, 'out/integration');

const entryPoints = [
  path.join(srcDir, 'index.ts'),
  ...readdirSync(srcDir)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.join(srcDir, f)),
];

async function main(): Promise<void> {
  rmSync(outDir, { recursive: true, force: true }); // no stale suite of a deleted test file
  await esbuild.build({
    entryPoints,
    outdir: outDir,
    outbase: srcDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  console.log(`built ${entryPoints.length} integration test file(s) into ${path.relative(root, outDir)}/`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
