/**
 * Browser steps of a run (`--ui <script>`): a module whose export (default or module.exports) is
 *
 *   async (page, ctx) => { ... }        // page: playwright-core Page, ctx: UiContext below
 *
 * It starts as soon as the workbench page is loading and runs alongside the tests, so a test can wait
 * for a UI step (hand over through files next to ctx.resultsFile) and the script can wait for a test.
 * To look at the state the tests left, `await ctx.testsDone` first: the extension host, and so the
 * extension's views, stay alive until the script returns. A script that throws fails the run.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';

export interface UiContext {
  /** The runner's results file; `<resultsFile>.<anything>` is a good place for hand-over files. */
  resultsFile: string;
  runDir: string;
  screenshotsDir: string;
  /** Resolves once the runner wrote its results (the tests are over, the extension host still runs). */
  testsDone: Promise<void>;
  log(msg: string): void;
  sleep(ms: number): Promise<void>;
  /** True once the file exists, false after timeoutMs. */
  waitForFile(file: string, timeoutMs: number): Promise<boolean>;
  /** A PNG of the page in screenshotsDir; returns its path. */
  screenshot(name: string): Promise<string>;
}

export type UiScript = (page: Page, ctx: UiContext) => Promise<void>;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function waitForFile(file: string, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; !existsSync(file); await sleep(100)) {
    if (Date.now() > deadline) {
      return false;
    }
  }
  return true;
}

export async function takeScreenshot(
  page: Page,
  dir: string,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name.endsWith('.png') ? name : `${name}.png`);
  // a menu or a toast caught fading in is shown as it ends up (finite animations are fast-forwarded)
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false, animations: 'disabled' });
  return file;
}

export async function loadUiScript(file: string): Promise<UiScript> {
  const mod = (await import(pathToFileURL(path.resolve(file)).href)) as { default?: unknown };
  // CommonJS `module.exports = fn` arrives as default; an ES module may export default too.
  let fn: unknown = mod.default ?? mod;
  if (typeof fn !== 'function' && fn && typeof (fn as { default?: unknown }).default === 'function') {
    fn = (fn as { default: unknown }).default;
  }
  if (typeof fn !== 'function') {
    throw new Error(`${file} does not export a function (page, ctx) => Promise<void>`);
  }
  return fn as UiScript;
}
