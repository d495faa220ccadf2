/** package.json is ready for the Marketplace: the project's own links, an icon, categories, keywords, and what vsce ships. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  publisher: string;
  name: string;
  icon?: string;
  repository?: { url?: string };
  homepage?: string;
  bugs?: { url?: string };
  categories?: string[];
  keywords?: string[];
  scripts: Record<string, string>;
};
/** The categories the Marketplace accepts (vsce refuses others). */
const CATEGORIES = new Set(['AI', 'Chat', 'Programming Languages', 'Snippets', 'Linters', 'Themes', 'Debuggers']);
CATEGORIES.add('Formatters').add('Keymaps').add('SCM Providers').add('Other').add('Extension Packs');
CATEGORIES.add('Language Packs').add('Data Science').add('Machine Learning').add('Visualization');
CATEGORIES.add('Notebooks').add('Education').add('Testing');

describe('manifest: ready for the Marketplace', () => {
  it('links to the project itself (repository, homepage, issues), never a placeholder', () => {
    const repo = manifest.repository?.url ?? '';
    const base = repo.replace(/\.git$/, '');
    assert.match(base, /^https:\/\/github\.com\/[\w-]+\/[\w.-]+$/);
    assert.equal(manifest.homepage, `${base}#readme`);
    assert.equal(manifest.bugs?.url, `${base}/issues`);
    const all = JSON.stringify(manifest);
    assert.doesNotMatch(all, /\.invalid\b|example\.(com|org)|TODO|your-org/i);
  });

  it('has a square PNG icon of at least 128 px that the VSIX ships', () => {
    const icon = manifest.icon ?? '';
    assert.ok(icon.endsWith('.png'), 'the Marketplace wants a PNG');
    const png = readFileSync(path.join(root, icon));
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.ok(width === height && width >= 128, `${width}×${height}`);
    const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8');
    assert.match(ignore, /^!media\/\*\*$/m);
  });

  it('has known categories, a few keywords, a CHANGELOG and a package script that makes its own out/', () => {
    assert.ok(
      manifest.categories?.length && manifest.categories.every((c) => CATEGORIES.has(c)),
      String(manifest.categories),
    );
    assert.ok(manifest.keywords && manifest.keywords.length >= 3 && manifest.keywords.length <= 30);
    assert.ok(existsSync(path.join(root, 'CHANGELOG.md')));
    assert.match(manifest.scripts.package!, /mkdirSync\('out'/);
    assert.match(manifest.scripts.test!, /test:vsix/, 'npm test installs the VSIX and runs a workflow in it');
  });
});
