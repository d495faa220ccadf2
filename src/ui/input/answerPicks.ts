/** Asking a person a paused workflow's questions: one quick pick per question (many when multi-select, "Other…" for text). */
import * as vscode from 'vscode';
import type { Answer, Question } from '../../core/model';
import { answerChoices, answerFrom, OTHER_ANSWER } from '../../present/inputs';
import { must } from '../commands/run';

async function pick(question: Question, title: string, choices: string[]): Promise<string[]> {
  const items = choices.map((label) => ({ label }));
  const options = { title, placeHolder: question.question, ignoreFocusOut: true };
  const picked = question.multiSelect
    ? await vscode.window.showQuickPick(items, { ...options, canPickMany: true })
    : await vscode.window.showQuickPick(items, options).then((item) => (item ? [item] : undefined));
  return must(picked).map((item) => item.label);
}

export async function askAnswers(projectName: string, questions: Question[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const [index, question] of questions.entries()) {
    const title = `${projectName} · question ${index + 1} of ${questions.length}`;
    const choices = answerChoices(question);
    const picked = choices.length ? await pick(question, title, choices) : [];
    const needsText = choices.length === 0 || picked.includes(OTHER_ANSWER);
    const validateInput = (v: string) => (v.trim() ? undefined : 'An answer is required');
    const text = needsText
      ? must(
          await vscode.window.showInputBox({ title, prompt: question.question, ignoreFocusOut: true, validateInput }),
        )
      : undefined;
    answers.push(answerFrom(index, question, picked, text));
  }
  return answers;
}
