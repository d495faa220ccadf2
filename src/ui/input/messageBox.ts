/** The send box: a live count against the 5000 limit, a "wait for the result" toggle, a way to a multi-line editor. */
import * as vscode from 'vscode';
import { messageInput } from '../../present/inputs';
import { Cancelled } from '../commands/run';

export interface Composed {
  text: string;
  wait: boolean;
  /** The person chose to compose in an editor instead (text is what they had typed). */
  editor?: boolean;
}

export function askMessage(projectName: string): Promise<Composed> {
  const box = vscode.window.createInputBox();
  const waitOff = { iconPath: new vscode.ThemeIcon('watch'), tooltip: 'Also wait for the result (off)' };
  const waitOn = { iconPath: new vscode.ThemeIcon('check'), tooltip: 'Wait for the result (on)' };
  const multiLine = { iconPath: new vscode.ThemeIcon('edit'), tooltip: 'Compose a multi-line message in an editor' };
  let wait = false;
  box.title = `Send to ${projectName}`;
  box.placeholder = 'What should Bilt do? e.g. "Add a login screen with email and password"';
  box.buttons = [waitOff, multiLine];
  box.ignoreFocusOut = true;
  const update = () => {
    const checked = messageInput(box.value);
    box.prompt = `${checked.count}${wait ? ' · will wait for the result' : ''} · Enter sends`;
    box.validationMessage = box.value ? checked.error : undefined;
  };
  update();
  return new Promise<Composed>((resolve, reject) => {
    box.onDidChangeValue(update);
    box.onDidTriggerButton((button) => {
      if (button === multiLine) {
        resolve({ text: box.value, wait, editor: true });
        box.hide();
        return;
      }
      wait = !wait;
      box.buttons = [wait ? waitOn : waitOff, multiLine];
      update();
    });
    box.onDidAccept(() => {
      const checked = messageInput(box.value);
      if (checked.error) {
        box.validationMessage = checked.error;
        return;
      }
      resolve({ text: box.value, wait });
      box.hide();
    });
    box.onDidHide(() => {
      reject(new Cancelled());
      box.dispose();
    });
    box.show();
  });
}
