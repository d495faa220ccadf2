/** Answer a workflow's questions: one quick pick per question (many when multi-select, "Other…" for text). */
import * as vscode from 'vscode';
import type { Answer } from '../../core/model';
import { answerChoices, answerFrom, OTHER_ANSWER } from '../../present/decisions';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { pickSession } from './pick';
import { must, registerCommand } from './run';

export const registerAnswerQuestions = (d: CommandDeps) =>
  registerCommand(COMMANDS.answerQuestions, 'send the answers', d.log, async (arg, given?: unknown) => {
    const s = await pickSession(d, arg, 'Answer the questions of which project?');
    const w = s.view.workflows[0];
    const questions = w?.status === 'paused' && w.pause?.type === 'questions' ? (w.pause.questions ?? []) : undefined;
    if (!w || !questions) {
      void vscode.window.showInformationMessage(`${s.projectName}: no workflow is waiting for answers.`);
      return undefined;
    }
    let answers: Answer[];
    if (Array.isArray(given)) {
      answers = given as Answer[];
    } else {
      answers = [];
      for (const [i, q] of questions.entries()) {
        const title = `${s.projectName} · question ${i + 1} of ${questions.length}`;
        const choices = answerChoices(q);
        let picked: string[] = [];
        if (choices.length) {
          const items = choices.map((label) => ({ label }));
          const r = q.multiSelect
            ? await vscode.window.showQuickPick(items, {
                title,
                placeHolder: q.question,
                canPickMany: true,
                ignoreFocusOut: true,
              })
            : await vscode.window
                .showQuickPick(items, { title, placeHolder: q.question, ignoreFocusOut: true })
                .then((x) => (x ? [x] : undefined));
          picked = must(r).map((x) => x.label);
        }
        const needsText = choices.length === 0 || picked.includes(OTHER_ANSWER);
        const text = needsText
          ? must(
              await vscode.window.showInputBox({
                title,
                prompt: q.question,
                ignoreFocusOut: true,
                validateInput: (v) => (v.trim() ? undefined : 'An answer is required'),
              }),
            )
          : undefined;
        answers.push(answerFrom(i, q, picked, text));
      }
    }
    const client = await d.store.client(s.serverId);
    const status = await client.backend.answer(s.ref, w.id, answers);
    d.store.afterAction(s.serverId, s.ref);
    return status;
  });
