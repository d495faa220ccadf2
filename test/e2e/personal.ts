/**
 * The journey's read/unread and mute/watch step (f): the chat's workflow ended while the person looked at the
 * chat, not at its row or log, so the session is unread (a dot before its state, counted in the view's badge);
 * the project's context menu offers the three notification levels.
 */
import type { Step } from './journey';
import { PROJECT } from './send';

export const personalSteps: Step[] = [
  {
    name: "(f) the chat's workflow is unread (a dot, and the badge); right-click the project: Watch or Mute; muted, the row says so and the menu offers Default",
    async run({ wb, log, screenshot }) {
      log(`row: ${await wb.rowSays(PROJECT, /^● completed/)}`);
      const badge = wb.page.locator('.activitybar .action-item:has(.action-label[aria-label^="Bilt"]) .badge-content');
      await badge.waitFor({ timeout: 15_000 });
      log(`badge: ${await badge.innerText()}`);
      const item = (title: string) => wb.page.locator('.monaco-menu .action-label', { hasText: title }).first();
      await wb.row(PROJECT).click({ button: 'right' });
      await item('Watch: Notify Every Change').waitFor({ timeout: 15_000 });
      await item('Mute Notifications').waitFor({ timeout: 15_000 });
      await screenshot('07-unread-mute');
      await item('Mute Notifications').click();
      const label = async () => (await wb.row(PROJECT).getAttribute('aria-label')) ?? '';
      await wb.until(async () => /notifications: muted/.test(await label()), 'the row to say it is muted');
      log(`row label: ${await label()}`);
      // muted: the menu now offers the way back (and no longer Mute); back to the default for the next steps
      await wb.row(PROJECT).click({ button: 'right' });
      await item('Default Notifications').waitFor({ timeout: 15_000 });
      if (await item('Mute Notifications').isVisible()) {
        throw new Error('the menu still offers Mute Notifications for a muted project');
      }
      await item('Default Notifications').click();
      await wb.page.locator('.monaco-menu').first().waitFor({ state: 'hidden', timeout: 15_000 });
    },
  },
];
