/**
 * A production build (`node esbuild.mjs --production --metafile`, what the VSIX ships) in a temporary
 * extension folder: dist/ with esbuild's metafiles, package.json and media/, so VS Code can load it as
 * an extension. The repo's own dist/ is left alone.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../test/support/tmp';

const ROOT = path.resolve(__dirname, '../..');

interface Metafile {
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
}

export interface ProductionBuild {
  /** The extension folder (extensionDevelopmentPath). */
  dir: string;
  /** Path of a bundle, e.g. file('extension.js'). */
  file(name: string): string;
  /** A bundle's size in bytes. */
  bytes(name: string): number;
  /** A bundle's largest inputs, node_modules grouped by package, largest first. */
  largestInputs(name: string, n: number): Array<{ input: string; bytes: number }>;
}

export function buildProduction(): ProductionBuild {
  const dir = tempDir('bilt-bench-ext-');
  const dist = path.join(dir, 'dist');
  execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs'), '--production', '--metafile', '--outdir', dist], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  cpSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  cpSync(path.join(ROOT, 'media'), path.join(dir, 'media'), { recursive: true });
  const output = (name: string) => {
    const meta = JSON.parse(readFileSync(path.join(dist, name.replace(/\.js$/, '.meta.json')), 'utf8')) as Metafile;
    return Object.entries(meta.outputs).find(([f]) => f.endsWith('.js'))![1];
  };
  return {
    dir,
    file: (name) => path.join(dist, name),
    bytes: (name) => output(name).bytes,
    largestInputs(name, n) {
      const sizes = new Map<string, number>();
      for (const [input, { bytesInOutput }] of Object.entries(output(name).inputs)) {
        const key =
          /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input.replace(/^deferred-stub:/, 'stub of ');
        sizes.set(key, (sizes.get(key) ?? 0) + bytesInOutput);
      }
      return [...sizes]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([input, bytes]) => ({ input, bytes }));
    },
  };
}
