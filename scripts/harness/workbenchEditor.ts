/**
 * The editor area as a person sees it, for browser steps (test/e2e): the active tab, the text its editor
 * shows, and the code lenses above its lines. Waits are bounded (WorkbenchPage.until) and fail with what
 * was on the screen. Selectors are the workbench's own DOM classes (code-server 4.139.1 / VS Code 1.139.1).
 */
import type { Locator } from 'playwright-core';
import { exact, type WorkbenchPage } from './workbenchPage';

const T = 15_000;

const activeGroup = (wb: WorkbenchPage): Locator => wb.page.locator('.editor-group-container.active').first();

/** The active tab is `tab` and its editor's visible text (its lines joined) matches `text`; returns that text. */
export async function editorShows(wb: WorkbenchPage, tab: string, text: RegExp, timeoutMs = T): Promise<string> {
  let label = '';
  let lines = '';
  await wb.until(
    async () => {
      const group = activeGroup(wb);
      // the tab's name and its extension may sit in separate elements: its text without white space
      label = (await group.locator('.tab.active').first().innerText({ timeout: 1000 })).replace(/\s+/g, '');
      // Monaco renders spaces as U+00A0, and wraps long lines at a space (kept at the end of the first part):
      // joining the visual lines gives each line back whole (and runs consecutive lines together)
      const shown = await group.locator('.monaco-editor .view-lines').first().innerText({ timeout: 1000 });
      lines = shown.replace(/\u00a0/g, ' ').replace(/\n/g, '');
      return label === tab && text.test(lines);
    },
    () => `the editor tab "${tab}" to show ${text} (the tab "${label}" shows: ${JSON.stringify(lines.slice(-400))})`,
    timeoutMs,
  );
  return lines;
}

/** The code lens titled exactly `title` in the active editor. */
export function codeLens(wb: WorkbenchPage, title: string): Locator {
  return activeGroup(wb)
    .locator('.codelens-decoration a', { hasText: exact(title) })
    .first();
}
