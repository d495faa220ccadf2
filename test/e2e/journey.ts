/**
 * The browser end-to-end journey (`npm run test:e2e`, driven by scripts/harness/e2e.ts): a person's
 * first minutes with Bilt in a real VS Code window, through the real UI only — the activity bar, the
 * command palette, quick picks, input boxes, tree rows and their context menu, the Output panel, a modal
 * dialog, the Chat view and an editor tab with a code lens — asserting on what is on the screen. The local
 * engine first runs the emulator playing test/fixtures/scenarios/e2e.json (plan, one question, an 8 s build,
 * deploy) in a throwaway data dir; the extension starts it by itself. Then the person switches the engine
 * back to its default agent, the builder, and opens the app it builds (test/e2e/builtApp.ts).
 *
 * Each step ends with a screenshot (docs/images/NN-name.png by default: the README shows them).
 */
import type { Page } from 'playwright-core';
import type { WorkbenchPage } from '../../scripts/harness/workbenchPage';
import { builtApp } from './builtApp';
import { personalSteps } from './personal';
import { PROJECT, send, WORKFLOW_MS } from './send';
import { transcriptSteps } from './transcript';

export interface JourneyContext {
  wb: WorkbenchPage;
  log(msg: string): void;
  /** Saves `<name>.png` in the screenshots folder: the workbench (1280×800), or another page of the browser, whole. */
  screenshot(name: string, page?: Page): Promise<void>;
}

export interface Step {
  name: string;
  /** Screenshot taken when the step's assertions held (none when undefined). */
  shot?: string;
  run(c: JourneyContext): Promise<void>;
}

const FIRST = 'Build a habit tracker with a weekly chart';
const SECOND = 'Add a dark mode and a settings screen';
const REASON = 'Changed my mind: the dark mode can wait';
const THIRD = 'Add a pricing page with three plans';

async function answer(wb: WorkbenchPage, option: string, c?: JourneyContext): Promise<void> {
  await wb.runCommand('Bilt: Answer Questions…');
  await wb.expectPrompt(/Answer the questions of which project\?/);
  await wb.pick(PROJECT);
  await wb.expectPrompt(/Which platform should the app run on\?/);
  await wb.expectPrompt(new RegExp(`^${PROJECT} · question 1 of 1$`));
  if (c) {
    await wb.restMouse();
    await c.screenshot('03-question');
  }
  await wb.pick(option);
  await wb.quickInputClosed();
}

export const journey: Step[] = [
  {
    name: '(a) open the Bilt view from the activity bar; the local engine starts by itself; create the project "demo" from the palette',
    shot: '01-view',
    async run({ wb }) {
      await wb.openViewContainer('Bilt');
      await wb.resizeSideBar(540);
      // the extension started the local engine (nothing else did): its server answers with an empty list
      await wb.row('No projects yet').waitFor({ timeout: 30_000 });
      await wb.runCommand('Bilt: Create Project…');
      await wb.expectPrompt(/^Create a Bilt project$/);
      await wb.expectPrompt(/Project name/);
      await wb.typeAndEnter(PROJECT);
      await wb.expectPrompt(new RegExp(`Description of ${PROJECT}`));
      await wb.typeAndEnter('A habit tracker, built on the local engine');
      // the local engine offers a visibility choice: keep the default
      await wb.expectPrompt(new RegExp(`Who can see ${PROJECT}\\?`));
      await wb.pick('Private');
      await wb.quickInputClosed();
      await wb.row(PROJECT).waitFor({ timeout: 15_000 });
      await wb.expand(PROJECT);
      await wb.rowSays(PROJECT, /^idle$/);
      await wb.rowSays('Session', /^idle$/);
    },
  },
  {
    name: '(b) "Bilt: Send Message…" → pick the project → type an instruction → Enter: the row says running',
    shot: '02-running',
    async run({ wb, log }) {
      await send(wb, FIRST);
      log(`row: ${await wb.rowSays(PROJECT, /^running · \d+% /)}`);
      // the session row got its first workflow: open it to see the workflow's own row
      await wb.expand('Session');
      await wb.rowSays(FIRST, /^running · \d+% /);
      // sending opens the session's live log (in the panel, made taller to read more of it)
      await wb.outputShows(`Bilt: ${PROJECT}`, new RegExp(`you\\s+${FIRST}`));
      await wb.resizePanel(420);
    },
  },
  {
    name: '(b) the workflow asks a question: the row says "needs your answers"; "Bilt: Answer Questions…" → pick "Web"',
    async run(c) {
      const { wb, log } = c;
      log(`row: ${await wb.rowSays(PROJECT, /^needs your answers/, WORKFLOW_MS)}`);
      await wb.outputShows(`Bilt: ${PROJECT}`, /Which platform should the app run on\?/);
      await answer(wb, 'Web', c); // screenshot 03-question: the question's quick pick
      log(`row: ${await wb.rowSays(PROJECT, /^running · \d+% Building/, WORKFLOW_MS)}`);
    },
  },
  {
    name: '(c) the row reaches "completed"',
    shot: '04-completed',
    async run({ wb, log }) {
      log(`row: ${await wb.rowSays(PROJECT, /^(● )?completed/, WORKFLOW_MS)}`);
      await wb.rowSays('Session', /^(● )?completed/);
      await wb.rowSays(FIRST, /^completed · \d+ s$/);
      await wb.hidePanel(); // the next step opens the log from the tree
    },
  },
  {
    name: '(d) click the session row: the Output panel shows the session log, with the deployment',
    shot: '05-log',
    async run({ wb }) {
      await wb.row('Session').click();
      const text = await wb.outputShows(
        `Bilt: ${PROJECT}`,
        new RegExp(`Deployed to https://${PROJECT}\\.emulated\\.bilt\\.app`),
      );
      for (const line of [
        /Using: Web/,
        /\[log\] Compiling 42 modules/,
        /Build finished without errors/,
        /Your app is live at https:\/\/demo\.emulated\.bilt\.app/,
      ]) {
        if (!line.test(text)) {
          throw new Error(`the log does not show ${line}: ${JSON.stringify(text.slice(-600))}`);
        }
      }
    },
  },
  {
    name: '(e) send another message, answer, and while it builds: "Bilt: Cancel Workflow…" → reason → the modal → "Cancel Workflow"',
    shot: '06-cancel-confirm',
    async run({ wb, log }) {
      await send(wb, SECOND);
      await wb.rowSays(PROJECT, /^needs your answers/, WORKFLOW_MS);
      await answer(wb, 'iOS');
      log(`row: ${await wb.rowSays(PROJECT, /^running · \d+% Building/, WORKFLOW_MS)}`);
      await wb.runCommand('Bilt: Cancel Workflow…');
      await wb.expectPrompt(/Cancel the workflow of which project\?/);
      await wb.pick(PROJECT);
      await wb.expectPrompt(new RegExp(`^Cancel ${PROJECT}$`));
      await wb.expectPrompt(/Reason \(optional, kept in the log\)/);
      await wb.typeAndEnter(REASON);
      await wb.dialog(new RegExp(`Cancel the running workflow of ${PROJECT} \\(\\d+% Building\\)\\?`));
      // still running while the question is on the screen
      await wb.rowSays(PROJECT, /^running · \d+% Building/);
    },
  },
  {
    name: '(e) click "Cancel Workflow" in the modal: the row says cancelled, the log says why',
    shot: '06-cancelled',
    async run({ wb, log }) {
      const box = await wb.dialog(/Cancel the running workflow/);
      await wb.clickDialogButton(box, 'Cancel Workflow');
      log(`row: ${await wb.rowSays(PROJECT, /^(● )?cancelled/)}`);
      await wb.rowSays(SECOND, /^cancelled · \d+ s$/);
      await wb.outputShows(`Bilt: ${PROJECT}`, new RegExp(`Workflow cancelled: ${REASON}`));
    },
  },
  {
    name: '(f) "@bilt /send …" in the Chat view: the answer follows the workflow to its question; "@bilt /answer Web" to completed, with the app\'s link',
    shot: '07-chat',
    async run({ wb, log }) {
      await wb.openChat();
      // the Chat view refuses requests until its model list has settled after start-up: ask again then
      for (let attempt = 1; ; attempt++) {
        await wb.askChat(`@bilt /send ${THIRD}`);
        const shown = await wb.chatResponseShows(
          /Which platform should the app run on\?|Language model unavailable/,
          WORKFLOW_MS,
        );
        if (!/Language model unavailable/.test(shown)) {
          break;
        }
        if (attempt === 3) {
          throw new Error('the Chat view has no language model (the scripted test model is not installed?)');
        }
        log('the Chat view had no model yet: asking again');
        await wb.page.waitForTimeout(2000);
      }
      await wb.askChat('@bilt /answer Web');
      const text = await wb.chatResponseShows(/completed/, WORKFLOW_MS);
      log(`chat: ${text.replace(/\s+/g, ' ').slice(-160)}`);
      await wb.rowSays(PROJECT, /^(● )?completed/);
      await wb.restMouse();
    },
  },
  ...personalSteps,
  ...transcriptSteps,
  ...builtApp,
];
