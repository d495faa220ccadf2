/**
 * "Send to Bilt…" from the editor (the selection, or the whole file) and the explorer (a file): the code
 * becomes the context of a message (path, lines, language, a fenced block; src/present/codeContext.ts),
 * in the compose editor with the live 5,000-character count, a line left free for the instruction.
 */
import * as vscode from 'vscode';
import { codeContext, type CodeExcerpt } from '../../present/codeContext';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { defaultOrPick } from './pick';
import { registerCommand } from './run';

async function excerptOf(uri: vscode.Uri | undefined): Promise<CodeExcerpt | undefined> {
  const editor = vscode.window.activeTextEditor;
  const fromEditor = editor && (!uri || editor.document.uri.toString() === uri.toString());
  const document = fromEditor ? editor.document : uri && (await vscode.workspace.openTextDocument(uri));
  if (!document) {
    return undefined;
  }
  const selection = fromEditor && !editor.selection.isEmpty ? editor.selection : undefined;
  return {
    path: vscode.workspace.asRelativePath(document.uri),
    language: document.languageId,
    startLine: (selection?.start.line ?? 0) + 1,
    code: document.getText(selection),
  };
}

export const registerSendToBilt = (deps: CommandDeps) =>
  registerCommand(COMMANDS.sendToBilt, 'send the code to Bilt', deps.log, async (arg?: unknown) => {
    const excerpt = await excerptOf(arg instanceof vscode.Uri ? arg : undefined);
    if (!excerpt) {
      void vscode.window.showInformationMessage('Bilt: open a file, or select code, to send it to Bilt.');
      return undefined;
    }
    const { target, projectName } = await defaultOrPick(deps, 'Send the code to which project?');
    const draft = codeContext(excerpt);
    await deps.composer.open(target, projectName, draft.text);
    if (draft.cut) {
      void vscode.window.showWarningMessage(`Bilt: ${draft.cut}. Trim the draft or send it as it is.`);
    }
    return draft;
  });
