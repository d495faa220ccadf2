// Builds every bundle (scripts/build/bundles.mjs) into dist/.
//   node esbuild.mjs [--production] [--watch] [--metafile] [--outdir DIR] [--only NAME,...]
// --production minifies and drops source maps (what the VSIX ships). --metafile also writes esbuild's
// metafile beside each bundle (<name>.meta.json, for https://esbuild.github.io/analyze/) and prints the
// largest inputs of the extension's two files. --only builds the bundles named (e.g. extension,extension-deferred).
import * as esbuild from 'esbuild';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundles } from './scripts/build/bundles.mjs';

const { values } = parseArgs({
  options: {
    production: { type: 'boolean', default: false },
    watch: { type: 'boolean', default: false },
    metafile: { type: 'boolean', default: false },
    outdir: { type: 'string', default: 'dist' },
    only: { type: 'string' },
  },
});
const root = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(root, values.outdir);
const only = values.only?.split(',');
const options = bundles({ root, outdir, production: values.production }).filter(
  (o) => !only || only.includes(path.basename(o.outfile, '.js')),
);

/** A bundle's size and its largest inputs, node_modules grouped by package. */
function largestInputs(name, metafile, n = 10) {
  const output = Object.entries(metafile.outputs).find(([file]) => file.endsWith('.js'))[1];
  const sizes = new Map();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const key = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? input.replace(/^deferred-stub:/, 'stub of ');
    sizes.set(key, (sizes.get(key) ?? 0) + bytesInOutput);
  }
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`.padStart(9);
  const top = [...sizes].sort((a, b) => b[1] - a[1]).slice(0, n);
  return [`${name}.js ${kb(output.bytes).trim()}, largest inputs:`, ...top.map(([k, b]) => `  ${kb(b)}  ${k}`)].join(
    '\n',
  );
}

const contexts = await Promise.all(options.map((o) => esbuild.context(o)));
if (values.watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  const results = await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  if (values.metafile) {
    for (const [i, r] of results.entries()) {
      const name = path.basename(options[i].outfile, '.js');
      writeFileSync(path.join(outdir, `${name}.meta.json`), JSON.stringify(r.metafile));
      if (name.startsWith('extension')) {
        console.log(largestInputs(name, r.metafile));
      }
    }
  }
}
