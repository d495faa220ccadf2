/** Filter the tree by session status (several at once) and by part of the project name. */
import * as vscode from 'vscode';
import type { SessionStatus } from '../../core/status';
import type { TreeFilter } from '../../present/filter';
import { statusLook } from '../../present/icons';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { must, registerCommand } from './run';

const CHOICES: Array<{ label: string; status: SessionStatus }> = [
  { label: 'Idle', status: 'idle' },
  { label: 'Queued', status: 'pending' },
  { label: 'Running', status: 'running' },
  { label: 'Needs answers / paused', status: 'paused' },
  { label: 'Completed', status: 'completed' },
  { label: 'Failed', status: 'failed' },
  { label: 'Cancelled', status: 'cancelled' },
];
const BY_NAME = 'Project name contains…';

type Item = vscode.QuickPickItem & { status?: SessionStatus };

async function ask(current: TreeFilter): Promise<TreeFilter> {
  const items: Item[] = [
    ...CHOICES.map((c) => ({
      label: `$(${statusLook(c.status).icon.replace('~spin', '')}) ${c.label}`,
      status: c.status,
      picked: current.statuses?.includes(c.status) ?? false,
    })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    {
      label: `$(search) ${BY_NAME}`,
      ...(current.project ? { description: `"${current.project}"` } : {}),
      picked: Boolean(current.project),
    },
  ];
  const picked = must(
    await vscode.window.showQuickPick(items, {
      canPickMany: true,
      title: 'Filter the Bilt sessions',
      placeHolder: 'Show the projects whose session is… (none: all)',
    }),
  );
  const statuses = picked.flatMap((p) => (p.status ? [p.status] : []));
  let project: string | undefined;
  if (picked.some((p) => p.label.endsWith(BY_NAME))) {
    project =
      must(
        await vscode.window.showInputBox({
          title: 'Filter the Bilt sessions',
          prompt: 'Show the projects whose name contains (any case)',
          value: current.project ?? '',
        }),
      ).trim() || undefined;
  }
  return { ...(statuses.length ? { statuses } : {}), ...(project ? { project } : {}) };
}

export const registerFilter = (deps: CommandDeps) =>
  registerCommand(COMMANDS.filter, 'filter the sessions', deps.log, async (given?: unknown) => {
    const f =
      given && typeof given === 'object' && !('kind' in given) ? (given as TreeFilter) : await ask(deps.view.filter);
    deps.view.setFilter(f);
    return f;
  });
