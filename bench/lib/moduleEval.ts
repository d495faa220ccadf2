/**
 * Loading the extension's bundles in plain Node, each sample a fresh process: `require()` of
 * dist/extension.js (reading, compiling, evaluating), then of dist/extension-deferred.js (what the first
 * contact with a server adds). `vscode` is a stub whose every member is a callable proxy, and the Node
 * built-ins the bundles require are loaded before the clock starts, as the extension host has them.
 */
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';

export interface EvalSample {
  mainMs: number;
  deferredMs: number;
}

const CHILD = String.raw`
const Module = require('node:module');
const [main, deferred, builtins] = process.argv.slice(1);
const member = (name) => new Proxy(function () {}, {
  get: (t, k) => (k === 'then' ? undefined : (t[k] ??= member(name + '.' + String(k)))),
  set: (t, k, v) => Reflect.defineProperty(t, k, { value: v, writable: true, configurable: true }),
  apply: () => member(name + '()'),
  construct: () => member('new ' + name),
});
const NAMES = ['window', 'workspace', 'commands', 'lm', 'chat', 'env', 'Uri', 'EventEmitter', 'Disposable',
  'TreeItem', 'ThemeIcon', 'ThemeColor', 'MarkdownString', 'McpStdioServerDefinition', 'StatusBarAlignment',
  'TreeItemCollapsibleState', 'ProgressLocation', 'ConfigurationTarget', 'QuickPickItemKind',
  'InputBoxValidationSeverity', 'LanguageModelTextPart', 'LanguageModelToolResult', 'LanguageModelChatMessage'];
const stub = new Module('vscode');
stub.exports = Object.fromEntries(NAMES.map((n) => [n, member(n)]));
stub.loaded = true;
Module._cache['vscode'] = stub;
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
for (const b of JSON.parse(builtins)) require(b);
const t0 = performance.now();
require(main);
const t1 = performance.now();
require(deferred);
const t2 = performance.now();
process.stdout.write(JSON.stringify({ mainMs: t1 - t0, deferredMs: t2 - t1 }));
`;

/** The Node built-ins a bundle requires (`require("node:os")`, `require("os")`). */
function builtinsOf(files: string[]): string[] {
  const names = new Set<string>();
  for (const f of files) {
    for (const m of readFileSync(f, 'utf8').matchAll(/require\("((?:node:)?[a-z_/]+)"\)/g)) {
      const name = m[1]!;
      if (builtinModules.includes(name.replace(/^node:/, ''))) {
        names.add(name);
      }
    }
  }
  return [...names];
}

/** One fresh process loading `main`, then `deferred`. */
export function evaluateOnce(main: string, deferred: string): EvalSample {
  const builtins = JSON.stringify(builtinsOf([main, deferred]));
  const out = execFileSync(process.execPath, ['-e', CHILD, main, deferred, builtins], { encoding: 'utf8' });
  return JSON.parse(out) as EvalSample;
}
