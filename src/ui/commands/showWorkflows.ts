/**
 * The status bar's click: the workflows that wait for the user (first) and those running, across
 * servers. A running one opens its log; a waiting one offers what moves it on.
 */
import * as vscode from 'vscode';
import { running, waitingForUser, type Attention } from '../../present/attention';
import { statusLook } from '../../present/icons';
import { progressWords } from '../../present/rows';
import { COMMANDS } from '../ids';
import type { NodeIds } from '../tree/nodes';
import type { CommandDeps } from './deps';
import { idsFrom } from './pick';
import { must, registerCommand } from './run';

type Action = 'log' | 'answer' | 'resume' | 'open';
const COMMAND_OF: Record<Action, string> = {
  log: COMMANDS.showSessionLog,
  answer: COMMANDS.answerQuestions,
  resume: COMMANDS.resumeWorkflow,
  open: COMMANDS.openInBrowser,
};

const idsOfAttention = (a: Attention): NodeIds => ({
  serverId: a.serverId,
  projectId: a.projectId,
  sessionId: a.sessionId,
  workflowId: a.workflow.id,
});

async function pickWorkflow(deps: CommandDeps, waiting: Attention[], active: Attention[]): Promise<Attention> {
  const several = deps.store.snapshots().length > 1;
  const item = (a: Attention) => {
    const look = statusLook(a.workflow.status, a.workflow.pause?.type);
    const server = several ? deps.store.snapshot(a.serverId)?.server.label : undefined;
    return {
      label: `$(${look.icon}) ${a.projectName}`,
      description: [look.words, progressWords(a.workflow), server].filter(Boolean).join(' · '),
      detail: a.workflow.message.replace(/\s+/g, ' ').slice(0, 120),
      a,
    };
  };
  const sep = (label: string) => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const items = [
    ...(waiting.length ? [sep('Waiting for you'), ...waiting.map(item)] : []),
    ...(active.length ? [sep('Running'), ...active.map(item)] : []),
  ];
  const picked = must(
    await vscode.window.showQuickPick(items, {
      placeHolder: 'Bilt workflows: pick one to see its log or act on it',
      matchOnDescription: true,
      matchOnDetail: true,
    }),
  );
  return (picked as { a: Attention }).a;
}

async function pickAction(a: Attention): Promise<Action> {
  const questions = a.workflow.pause?.type === 'questions';
  const items: Array<{ label: string; action: Action }> = [
    ...(questions ? [{ label: '$(comment-discussion) Answer the Questions', action: 'answer' as const }] : []),
    ...(!questions && a.workflow.pause?.projectUrl
      ? [{ label: '$(link-external) Open the Project Page', action: 'open' as const }]
      : []),
    ...(!questions ? [{ label: '$(debug-continue) Resume', action: 'resume' as const }] : []),
    { label: '$(output) Show Log', action: 'log' },
  ];
  const placeHolder =
    a.workflow.pause?.message ?? `${a.projectName} ${statusLook(a.workflow.status, a.workflow.pause?.type).words}`;
  return must(await vscode.window.showQuickPick(items, { placeHolder })).action;
}

export const registerShowWorkflows = (deps: CommandDeps) =>
  registerCommand(COMMANDS.showWorkflows, 'list the workflows', deps.log, async (arg, givenAction?: unknown) => {
    const snaps = deps.store.snapshots();
    const waiting = waitingForUser(snaps);
    const active = running(snaps);
    const t = idsFrom(arg);
    const all = [...waiting, ...active];
    const given =
      t &&
      all.find(
        (a) =>
          a.serverId === t.serverId && (t.workflowId ? a.workflow.id === t.workflowId : a.projectId === t.projectId),
      );
    if (!given && all.length === 0) {
      void vscode.window.showInformationMessage('No Bilt workflow is running or waiting for you.');
      return undefined;
    }
    const a = given ?? (await pickWorkflow(deps, waiting, active));
    const isWaiting = waiting.includes(a);
    const action: Action =
      typeof givenAction === 'string' && givenAction in COMMAND_OF
        ? (givenAction as Action)
        : isWaiting
          ? await pickAction(a)
          : 'log';
    await vscode.commands.executeCommand(COMMAND_OF[action], idsOfAttention(a));
    return { workflowId: a.workflow.id, action };
  });
