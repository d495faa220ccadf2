/**
 * The extension's first file stays small (docs/PERFORMANCE.md): dist/extension.js, as production builds
 * it, holds none of zod, the MCP SDK or any other package, takes the deferred modules as stubs only
 * (scripts/build/deferred.mjs), and stays within its 300 KB budget. An import that pulls zod back into
 * activation fails here, naming the chain that does it.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../support/tmp';

const ROOT = path.resolve(__dirname, '../..');

interface Metafile {
  inputs: Record<string, { imports: Array<{ path: string }> }>;
  outputs: Record<string, { bytes: number; inputs: Record<string, unknown> }>;
}

/** How `target` gets into the bundle: the first import chain from the entry point. */
function chainTo(meta: Metafile, target: string): string {
  const from = new Map<string, string>();
  const queue = ['src/extension.ts'];
  for (let f = queue.shift(); f; f = queue.shift()) {
    for (const i of meta.inputs[f]?.imports ?? []) {
      if (!from.has(i.path) && i.path !== 'src/extension.ts') {
        from.set(i.path, f);
        queue.push(i.path);
      }
    }
  }
  const chain = [target];
  for (let f = from.get(target); f; f = from.get(f)) {
    chain.unshift(f);
  }
  return chain.join(' → ');
}

describe('dist/extension.js (production build)', function () {
  this.timeout(60_000);
  let meta: Metafile;
  let output: { bytes: number; inputs: Record<string, unknown> };

  before(() => {
    const outdir = tempDir('bilt-bundle-');
    const args = ['esbuild.mjs', '--production', '--metafile', '--only', 'extension', '--outdir', outdir];
    execFileSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
    meta = JSON.parse(readFileSync(path.join(outdir, 'extension.meta.json'), 'utf8')) as Metafile;
    output = Object.entries(meta.outputs).find(([f]) => f.endsWith('.js'))![1];
  });

  it('holds no package: zod, the MCP SDK and the rest load with dist/extension-deferred.js', () => {
    const packageOf = (p: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(p)?.[1];
    const entries = Object.entries(meta.inputs)
      .filter(([f]) => f in output.inputs && !packageOf(f))
      .flatMap(([f, { imports }]) =>
        imports.flatMap((i) => packageOf(i.path) ?? []).map((p) => `${chainTo(meta, f)} → ${p}`),
      );
    assert.deepEqual([...new Set(entries)], [], 'defer the module that imports it (scripts/build/deferred.mjs)');
  });

  it('takes the deferred modules as stubs, never their code', () => {
    const inputs = Object.keys(output.inputs);
    const stubs = inputs.filter((i) => i.startsWith('deferred-stub:')).map((i) => i.slice('deferred-stub:'.length));
    assert.ok(stubs.includes('src/api/client.ts'), `stubs: ${stubs.join(', ')}`);
    assert.deepEqual(
      stubs.filter((s) => inputs.includes(s)),
      [],
    );
  });

  it('stays within its 300 KB budget', () => {
    assert.ok(output.bytes < 300 * 1024, `${(output.bytes / 1024).toFixed(1)} KB`);
  });
});
