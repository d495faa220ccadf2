/** What the journey's steps share: the project, how long a workflow may take, sending it a message from the palette. */
import type { WorkbenchPage } from '../../scripts/harness/workbenchPage';

export const PROJECT = 'demo';
/** The scenario's build takes 8 s and the whole first workflow about 12 s; generous for slow machines. */
export const WORKFLOW_MS = 60_000;

export async function send(wb: WorkbenchPage, text: string): Promise<void> {
  await wb.runCommand('Bilt: Send Message…');
  await wb.expectPrompt(/Send a message to which project\?/);
  await wb.pick(PROJECT);
  await wb.expectPrompt(new RegExp(`^Send to ${PROJECT}$`));
  await wb.typeAndEnter(text);
  await wb.quickInputClosed();
}
