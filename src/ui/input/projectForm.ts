/** Asking a person for a new project: a name checked as it is typed, a description, visibility where offered. */
import * as vscode from 'vscode';
import type { NewProject } from '../../actions/createProject';
import type { Visibility } from '../../core/model';
import { descriptionInput, projectNameInput } from '../../present/inputs';
import { must } from '../commands/run';

const title = 'Create a Bilt project';
const VISIBILITY = [
  { label: 'Private', description: 'only you', value: 'private' as Visibility },
  { label: 'Public', description: 'anyone with the link', value: 'public' as Visibility },
];

export async function askProject(existing: string[], offerVisibility: boolean): Promise<NewProject> {
  const name = must(
    await vscode.window.showInputBox({
      title,
      prompt: 'Project name: letters, digits, hyphens and underscores',
      placeHolder: 'e.g. habit-tracker',
      ignoreFocusOut: true,
      validateInput: (v) => projectNameInput(v, existing),
    }),
  );
  const description = must(
    await vscode.window.showInputBox({
      title,
      prompt: `Description of ${name} (optional)`,
      ignoreFocusOut: true,
      validateInput: descriptionInput,
    }),
  );
  const visibility = offerVisibility
    ? must(
        await vscode.window.showQuickPick(VISIBILITY, {
          title,
          placeHolder: `Who can see ${name}?`,
          ignoreFocusOut: true,
        }),
      ).value
    : undefined;
  return { name, description: description.trim() || undefined, visibility };
}
