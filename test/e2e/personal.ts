/**
 * The journey's read/unread and mute/watch step (f): the chat's workflow ended while the person looked at the
 * chat, not at its row or log, so the session is unread (a dot before its state, counted in the view's badge);
 * the project's context menu offers the three notification levels.
 */
import type { Step } from './journey';
import { PROJECT } from './send';

const LEVELS = ['Watch: Notify Every Change', 'Mute Notifications', 'Default Notifications'];

export const personalSteps: Step[] = [
  {
    name: "(f) the chat's workflow is unread (a dot, and the badge); right-click the project: Watch, Mute and Default notifications",
    async run({ wb, log, screenshot }) {
      log(`row: ${await wb.rowSays(PROJECT, /^● completed/)}`);
      const badge = wb.page.locator('.activitybar .action-item:has(.action-label[aria-label^="Bilt"]) .badge-content');
      await badge.waitFor({ timeout: 15_000 });
      log(`badge: ${await badge.innerText()}`);
      await wb.row(PROJECT).click({ button: 'right' });
      for (const level of LEVELS) {
        await wb.page.locator('.monaco-menu .action-label', { hasText: level }).first().waitFor({ timeout: 15_000 });
      }
      await screenshot('07-unread-mute');
      await wb.page.keyboard.press('Escape');
      await wb.page.locator('.monaco-menu').first().waitFor({ state: 'hidden', timeout: 15_000 });
    },
  },
];
