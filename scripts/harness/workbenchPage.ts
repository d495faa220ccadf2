/**
 * The VS Code workbench as a person sees it, for browser steps (test/e2e, `npm start -- --check`):
 * the activity bar, the command palette (F1 and a command's title), quick picks and input boxes, the
 * rows of a tree view, the Output panel and modal dialogs. Every wait is bounded (playwright's
 * `waitFor` / polling with a deadline) and fails with what was on the screen instead.
 * Selectors are the workbench's own DOM classes (verified with code-server 4.139.1 / VS Code 1.139.1).
 */
import type { Locator, Page } from 'playwright-core';

const T = 15_000;

/** Monaco renders spaces as U+00A0 in the Output panel; compare on plain text. */
const plain = (s: string): string => s.replace(/\u00a0/g, ' ');

export class WorkbenchPage {
  constructor(readonly page: Page) {}

  // --- the window ------------------------------------------------------------------------

  /** The workbench is up and the activity bar has a view container titled `container` (an extension's icon). */
  async ready(container: string, timeoutMs = 60_000): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
    await this.activityItem(container).waitFor({ timeout: timeoutMs });
  }

  activityItem(container: string): Locator {
    return this.page
      .locator(
        `.activitybar a.action-label[aria-label="${container}"], .activitybar a.action-label[aria-label^="${container} "]`,
      )
      .first();
  }

  /** Clicks a view container in the activity bar and waits for its side bar (title "Bilt: Sessions" for a container with one view). */
  async openViewContainer(container: string): Promise<void> {
    await this.activityItem(container).click({ timeout: T });
    await this.page
      .locator('.part.sidebar .composite.title .title-label', { hasText: container })
      .first()
      .waitFor({ timeout: T });
  }

  /** Drags the side bar's right edge so that it is `width` pixels wide (long row descriptions stay readable). */
  async resizeSideBar(width: number): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box || Math.abs(box.width - width) < 4) {
      return;
    }
    const edge = box.x + box.width + 1;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(edge, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width + 1, y, { steps: 8 });
    await this.page.mouse.up();
  }

  /** Moves the mouse to a neutral spot, so that no hover or tooltip covers a screenshot. */
  async restMouse(): Promise<void> {
    const size = this.page.viewportSize() ?? { width: 1280, height: 800 };
    await this.page.mouse.move(size.width - 40, Math.round(size.height / 3));
  }

  // --- the command palette and quick input --------------------------------------------------

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  private get quickInputBox(): Locator {
    return this.quickInput.locator('.quick-input-box input');
  }

  /** F1, the command's title typed, Enter once the palette's highlighted entry is that command. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    await this.quickInputBox.waitFor({ timeout: T });
    await this.quickInputBox.fill('>');
    await this.quickInputBox.pressSequentially(title.replace(/…$/, ''), { delay: 10 });
    const focused = this.quickInput.locator('.quick-input-list .monaco-list-row.focused');
    await this.until(
      async () => (await focused.getAttribute('aria-label'))?.startsWith(title),
      `the palette to offer "${title}"`,
    );
    await this.page.keyboard.press('Enter');
  }

  /** Waits for a quick pick or input box whose title, placeholder or prompt matches. */
  async expectPrompt(what: RegExp): Promise<void> {
    await this.until(async () => {
      if (!(await this.quickInput.isVisible())) {
        return false;
      }
      const texts = await Promise.all([
        this.quickInput
          .locator('.quick-input-title')
          .innerText()
          .catch(() => ''),
        this.quickInputBox.getAttribute('placeholder').then((p) => p ?? ''),
        this.quickInput
          .locator('.quick-input-message')
          .innerText()
          .catch(() => ''),
      ]);
      return texts.some((t) => what.test(t));
    }, `a prompt matching ${what}`);
  }

  /** Types into the open input box and presses Enter. */
  async typeAndEnter(text: string): Promise<void> {
    await this.quickInputBox.pressSequentially(text, { delay: 5 });
    await this.page.keyboard.press('Enter');
  }

  /** Clicks the quick pick entry whose label is exactly `label`. */
  async pick(label: string): Promise<void> {
    const row = this.quickInput
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exact(label) }) });
    await row.first().click({ timeout: T });
  }

  async quickInputClosed(): Promise<void> {
    await this.quickInput.waitFor({ state: 'hidden', timeout: T });
  }

  // --- a tree view in the side bar ----------------------------------------------------------

  /** The side bar's tree row whose label is exactly `label`. */
  row(label: string): Locator {
    return this.page
      .locator('.part.sidebar .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exact(label) }) })
      .first();
  }

  /** Waits until the row `label` shows a description matching `words` (e.g. /^running/); returns the description. */
  async rowSays(label: string, words: RegExp, timeoutMs = T): Promise<string> {
    let last = '';
    await this.until(
      async () => {
        const row = this.row(label);
        if (!(await row.isVisible())) {
          return false;
        }
        last = await row
          .locator('.label-description')
          .innerText({ timeout: 1000 })
          .catch(() => '');
        return words.test(last);
      },
      () => `the row "${label}" to say ${words} (it says "${last}")`,
      timeoutMs,
    );
    return last;
  }

  /** Expands the row `label` with a click on its twistie, once it has one (a row gets children later, e.g. a session its first workflow). */
  async expand(label: string, timeoutMs = T): Promise<void> {
    const row = this.row(label);
    await this.until(
      async () => {
        const expanded = await row.getAttribute('aria-expanded', { timeout: 1000 });
        if (expanded === 'false') {
          await row.locator('.monaco-tl-twistie').click({ timeout: 1000 });
        }
        return expanded === 'true';
      },
      `the row "${label}" to expand`,
      timeoutMs,
    );
  }

  /** The visible rows of the side bar's tree, as "label — description" lines (for failure reports). */
  async rows(): Promise<string[]> {
    return this.page
      .locator('.part.sidebar .monaco-list-row')
      .evaluateAll((els) =>
        els.map((e) =>
          [e.querySelector('.label-name')?.textContent, e.querySelector('.label-description')?.textContent]
            .filter(Boolean)
            .join(' — '),
        ),
      );
  }

  // --- the Output panel ---------------------------------------------------------------------

  /** Drags the panel's top edge so that the panel is `height` pixels tall (more of a log in view). */
  async resizePanel(height: number): Promise<void> {
    const box = await this.page.locator('.part.panel').boundingBox();
    if (!box || Math.abs(box.height - height) < 4) {
      return;
    }
    const x = box.x + box.width / 2;
    await this.page.mouse.move(x, box.y - 2);
    await this.page.mouse.down();
    await this.page.mouse.move(x, box.y + box.height - height - 2, { steps: 8 });
    await this.page.mouse.up();
  }

  async hidePanel(): Promise<void> {
    const hide = this.page.locator('.part.panel [aria-label^="Hide Panel"]');
    if (await hide.isVisible()) {
      await hide.click({ timeout: T });
    }
    await this.page.locator('.part.panel').waitFor({ state: 'hidden', timeout: T });
  }

  /** The Output panel shows the channel `channel` and its visible text matches `text`; returns that text (its lines joined). */
  async outputShows(channel: string, text: RegExp, timeoutMs = T): Promise<string> {
    let last = '';
    await this.until(
      async () => {
        const panel = this.page.locator('.part.panel');
        if (!(await panel.isVisible())) {
          return false;
        }
        const selected = await panel
          .locator('.monaco-select-box')
          .first()
          .evaluate((e) => {
            const select = e as unknown as {
              selectedOptions?: ArrayLike<{ text: string }>;
              textContent: string | null;
            };
            return select.selectedOptions?.[0]?.text ?? select.textContent ?? '';
          })
          .catch(() => '');
        // the panel wraps long lines at a space (kept at the end of the first part): joining the visual
        // lines gives each message back whole (and runs consecutive messages together, which matching allows)
        last = plain(
          await panel
            .locator('.view-lines')
            .first()
            .innerText({ timeout: 1000 })
            .catch(() => ''),
        ).replace(/\n/g, '');
        return selected.includes(channel) && text.test(last);
      },
      () => `the Output panel to show "${channel}" with ${text} (it shows: ${JSON.stringify(last.slice(-400))})`,
      timeoutMs,
    );
    return last;
  }

  // --- the Chat view ------------------------------------------------------------------------

  private get chatInput(): Locator {
    return this.page.locator('.interactive-input-part .monaco-editor').first();
  }

  /** Opens the Chat view from the palette and waits for its input. */
  async openChat(): Promise<void> {
    await this.runCommand('Chat: Open Chat');
    await this.chatInput.waitFor({ timeout: T });
  }

  /**
   * Types a prompt into the chat input and sends it. A sticky participant prefills `@name `: the input is
   * emptied first; an open completion list (after `/command`) is closed, so Enter sends instead of accepting it.
   */
  async askChat(prompt: string): Promise<void> {
    await this.chatInput.click({ timeout: T });
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(prompt, { delay: 5 });
    if (await this.page.locator('.suggest-widget.visible').isVisible()) {
      await this.page.keyboard.press('Escape');
    }
    await this.page.keyboard.press('Enter');
  }

  /** Waits until the latest chat response's text matches `text`; returns it. */
  async chatResponseShows(text: RegExp, timeoutMs = T): Promise<string> {
    let last = '';
    await this.until(
      async () => {
        last = plain(await this.page.locator('.interactive-response').last().innerText());
        return text.test(last);
      },
      () => `the chat response to show ${text} (it shows: ${JSON.stringify(last.slice(-400))})`,
      timeoutMs,
    );
    return last;
  }

  // --- dialogs ------------------------------------------------------------------------------

  /** Waits for a modal dialog whose message matches `message`, clicks its button `button`, and waits for it to close. */
  async dialog(message: RegExp): Promise<Locator> {
    const box = this.page.locator('.monaco-dialog-box');
    await box.waitFor({ timeout: T });
    await this.until(async () => message.test(plain(await box.innerText())), `a dialog saying ${message}`);
    return box;
  }

  async clickDialogButton(box: Locator, button: string): Promise<void> {
    await box.locator('.monaco-button', { hasText: exact(button) }).click({ timeout: T });
    await box.waitFor({ state: 'hidden', timeout: T });
  }

  // --- waiting ------------------------------------------------------------------------------

  /** Polls `ok` (a few times a second) until it holds, or fails after `timeoutMs` saying what it waited for. */
  async until(ok: () => Promise<unknown>, what: string | (() => string), timeoutMs = T): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (await ok().catch(() => false)) {
        return;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`);
      }
      await this.page.waitForTimeout(150);
    }
  }
}

/** A RegExp matching exactly `s` (playwright's hasText with a string matches substrings). */
export function exact(s: string): RegExp {
  return new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}
