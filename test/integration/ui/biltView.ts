/**
 * UI script for the harness (`--ui test/integration/ui/biltView.ts`): once the tests are over, while the
 * extension host still runs, opens the Bilt view container from the activity bar and takes a screenshot
 * (bilt-view.png in --screenshots, or the run dir).
 */
import type { Page } from 'playwright-core';
import type { UiContext } from '../../../scripts/harness/ui';

export default async function biltView(page: Page, ctx: UiContext): Promise<void> {
  await ctx.testsDone;
  await page.locator('.activitybar [aria-label^="Bilt"]').first().click({ timeout: 10_000 });
  await page.locator('.part.sidebar .title-label', { hasText: 'Bilt' }).first().waitFor({ timeout: 10_000 });
  await page.locator('.part.sidebar .pane-body').first().waitFor({ timeout: 10_000 });
  ctx.log(`screenshot ${await ctx.screenshot('bilt-view')}`);
}
