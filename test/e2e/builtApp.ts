/**
 * The journey's last part: the person switches the local engine back to its default agent, the builder
 * (the Settings editor, then "Bilt: Restart Local Engine"), asks it for a landing page with a signup
 * form, and opens the app it built with "Bilt: Open in Browser": a new tab shows the page the engine
 * serves (through code-server's port forwarding here), and its signup form checks and keeps an entry.
 */
import type { Step } from './journey';
import { PROJECT, send, WORKFLOW_MS } from './send';

const BUILD = 'Build a landing page with a signup form';
const LIVE = /Your app is live at (http:\/\/127\.0\.0\.1:(\d+)\/apps\/([0-9a-f-]+)\/)/;

/** The app's address as the log gave it (step h), for step i. */
let built: { url: string; port: string; projectId: string } | undefined;

export const builtApp: Step[] = [
  {
    name: '(h) Settings → "Bilt › Local Engine: Agent" back to its default, builder; "Bilt: Restart Local Engine": the diagnostics say the engine runs the builder',
    async run({ wb, log }) {
      await wb.runCommand('Preferences: Open User Settings');
      const editor = wb.page.locator('.settings-editor');
      await editor.waitFor({ timeout: 15_000 });
      await wb.page.keyboard.type('bilt.localEngine.agent', { delay: 5 }); // the search box has the focus
      const item = editor.locator('.setting-item-contents[data-key="bilt.localEngine.agent"]');
      await item.locator('select').selectOption('builder', { timeout: 15_000 });
      // the default value leaves the user's settings: the row is no longer "configured" once VS Code took it
      await wb.until(async () => !(await item.getAttribute('class'))?.includes('is-configured'), 'the setting saved');
      log('the setting is builder');
      await wb.runCommand('View: Close All Editors');
      await wb.runCommand('Bilt: Restart Local Engine');
      await wb.runCommand('Bilt: Show Diagnostics');
      const diagnostics = await wb.outputShows(
        'Bilt',
        /local engine pid \d+ at http:\/\/127\.0\.0\.1:\d+ \(agent builder\)/,
        30_000,
      );
      log(`diagnostics: …${/local engine pid \d+ at \S+ \(agent builder\)/.exec(diagnostics)![0]}`);
      await wb.hidePanel();
    },
  },
  {
    name: `(i) "Bilt: Send Message…" → "${BUILD}": completed; the log lists the files written, the HTML check, the commit and the app's address`,
    shot: '09-built',
    async run({ wb, log }) {
      await send(wb, BUILD);
      log(`row: ${await wb.rowSays(BUILD, /^completed · \d+ s$/, WORKFLOW_MS)}`);
      const text = await wb.outputShows(`Bilt: ${PROJECT}`, LIVE, WORKFLOW_MS);
      for (const line of [
        /\[log\] Generated index\.html, styles\.css, app\.js, favicon\.svg, site\.json/,
        /\[log\] HTML check passed \(html-validate, recommended rules\)/,
        /\[log\] Committed [0-9a-f]{7}: 5 files changed/,
      ]) {
        if (!line.test(text)) {
          throw new Error(`the log does not show ${line}: ${JSON.stringify(text.slice(-900))}`);
        }
      }
      const [, url, port, projectId] = LIVE.exec(text)!;
      built = { url: url!, port: port!, projectId: projectId! };
      log(`the app: ${url}`);
    },
  },
  {
    name: '(j) "Bilt: Open in Browser" → demo: a new tab shows the page that was built; its signup form checks and keeps an entry',
    async run(c) {
      const { wb, log } = c;
      if (!built) {
        throw new Error('step (h) found no app address');
      }
      const opened = wb.page.context().waitForEvent('page', { timeout: 30_000 });
      await wb.runCommand('Bilt: Open in Browser');
      await wb.expectPrompt(/Open the page of which project\?/);
      await wb.pick(PROJECT);
      const app = await opened;
      try {
        await app.setViewportSize({ width: 1280, height: 800 });
        await app.waitForLoadState();
        // code-server opens loopback addresses through its port forwarding (/proxy/<port>/…)
        const path = new URL(app.url()).pathname;
        const expected = [new URL(built.url).pathname, `/proxy/${built.port}/apps/${built.projectId}/`];
        if (!expected.includes(path)) {
          throw new Error(`the new tab shows ${app.url()}, not the app ${built.url}`);
        }
        log(`the new tab: ${app.url()}`);
        await app.locator('#hero-title', { hasText: /^demo$/ }).waitFor({ timeout: 15_000 });
        await app.locator('#signup button[type="submit"]').click();
        await app.locator('#signup-error', { hasText: 'Name is required. Email is required.' }).waitFor();
        await app.locator('#signup-name').fill('Ada');
        await app.locator('#signup-email').fill('ada@example.com');
        await app.locator('#signup button[type="submit"]').click();
        await app.locator('#signup-status', { hasText: 'Thanks, Ada! You are signed up.' }).waitFor();
        await app.locator('#signup-entries li', { hasText: /^Ada · ada@example\.com \(/ }).waitFor();
        await c.screenshot('10-app', app);
      } finally {
        await app.close();
      }
      await wb.page.bringToFront();
    },
  },
];
