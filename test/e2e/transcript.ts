/** The journey's live transcript steps (g): Open Transcript, a tab that follows a new turn to its question, answered from the code lens. */
import { codeLens, editorShows } from '../../scripts/harness/workbenchEditor';
import type { Step } from './journey';
import { PROJECT, send, WORKFLOW_MS } from './send';

const FOURTH = 'Add a login screen with email and password';

export const transcriptSteps: Step[] = [
  {
    name: '(g) "Bilt: Open Transcript" → the project: a tab with a section per turn; send another message: the tab follows it to its question, with a code lens to answer',
    shot: '08-transcript',
    async run({ wb, log }) {
      await wb.runCommand('View: Toggle Secondary Side Bar Visibility'); // the Chat view: room for the editor
      await wb.page.locator('.part.auxiliarybar').waitFor({ state: 'hidden', timeout: 15_000 });
      await wb.runCommand('Bilt: Open Transcript');
      await wb.expectPrompt(/Open the transcript of which project\?/);
      await wb.pick(PROJECT);
      await wb.quickInputClosed();
      const tab = `${PROJECT}.md`;
      // opened, it shows its end: the last turn's messages, its result and the app's link
      await editorShows(
        wb,
        tab,
        new RegExp(
          `Your app is live[\\s\\S]*\\*\\*Result:\\*\\* (.* — )?\\[open the app\\]\\(https://${PROJECT}\\.emulated\\.bilt\\.app\\)$`,
        ),
      );
      await send(wb, FOURTH);
      await wb.hidePanel(); // sending opened the log: the whole editor area for the transcript
      const text = await editorShows(
        wb,
        tab,
        new RegExp(
          `## ${FOURTH} — _needs your answers · \\d+% Choosing a platform_[\\s\\S]*\\*\\*Bilt asks:\\*\\*1\\. Which platform should the app run on\\? — \`Web\` · \`iOS\` · \`Android\``,
        ),
        WORKFLOW_MS,
      );
      log(`transcript: ${JSON.stringify(text.slice(-120))}`);
      await codeLens(wb, 'Answer the question').waitFor({ timeout: 15_000 });
    },
  },
  {
    name: '(g) click the code lens "Answer the question" → "Web": the tab follows the workflow to its end, with the app\'s link',
    async run({ wb, log }) {
      await codeLens(wb, 'Answer the question').click({ timeout: 15_000 });
      await wb.expectPrompt(/Which platform should the app run on\?/);
      await wb.pick('Web');
      await wb.quickInputClosed();
      const text = await editorShows(
        wb,
        `${PROJECT}.md`,
        new RegExp(
          `Using: Web[\\s\\S]*Your app is live[\\s\\S]*\\*\\*Result:\\*\\* (.* — )?\\[open the app\\]\\(https://${PROJECT}\\.emulated\\.bilt\\.app\\)$`,
        ),
        WORKFLOW_MS,
      );
      log(`transcript: ${JSON.stringify(text.slice(-120))}`);
      if (text.includes('Bilt asks')) {
        throw new Error('the transcript still shows the question after it was answered');
      }
      await wb.rowSays(PROJECT, /^(● )?completed/);
    },
  },
];
