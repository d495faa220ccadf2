/**
 * docs/ARCHITECTURE.md stays a true map: every path it names exists (globs match something), and every
 * source folder is on it, so a newcomer finds any behaviour in one hop.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const MAP = readFileSync(path.join(ROOT, 'docs/ARCHITECTURE.md'), 'utf8');
const TOP = ['src', 'test', 'scripts', 'bench', 'docs', 'media', '.ci'];

/** Every `code span` that is a path in the repository (starts with one of its top folders or is a root file). */
const named = [...MAP.matchAll(/`([^`\s]+)`/g)]
  .map((m) => m[1]!.replace(/[),.:;]+$/, ''))
  .filter((p) => TOP.some((t) => p === t || p.startsWith(`${t}/`)));

function matches(pattern: string): boolean {
  if (!pattern.includes('*')) {
    return existsSync(path.join(ROOT, pattern));
  }
  const dir = path.join(ROOT, pattern.slice(0, pattern.indexOf('*')).replace(/[^/]*$/, ''));
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
  return existsSync(dir) && readdirSync(dir).some((f) => re.test(path.relative(ROOT, path.join(dir, f))));
}

function sourceFolders(dir: string): string[] {
  const entries = readdirSync(path.join(ROOT, dir));
  const sub = entries.filter((e) => statSync(path.join(ROOT, dir, e)).isDirectory()).map((e) => `${dir}/${e}`);
  const hasFiles = entries.some((e) => e.endsWith('.ts'));
  return [...(hasFiles ? [dir] : []), ...sub.flatMap(sourceFolders)];
}

describe('docs/ARCHITECTURE.md is a true map', () => {
  it('names paths, and every path it names exists', () => {
    assert.ok(named.length > 100, `only ${named.length} paths found`);
    const missing = named.filter((p) => !matches(p));
    assert.deepEqual(missing, [], 'paths named in docs/ARCHITECTURE.md that do not exist');
  });

  it('leaves no source folder out (each is named, or a file or glob in it is)', () => {
    const covered = (folder: string) =>
      named.some((p) => p.replace(/\/$/, '') === folder || path.posix.dirname(p) === folder);
    const left = sourceFolders('src').filter((f) => f !== 'src' && !covered(f));
    assert.deepEqual(left, [], 'source folders docs/ARCHITECTURE.md does not mention');
  });
});
