/**
 * What an editor offers on a transcript, read from its text by src/present/transcriptOutline.ts:
 * a fold per turn, an outline (a symbol per turn, its steps as children), the links of results and
 * pauses, and a code lens on a pause's questions that runs Answer Questions for the session's project.
 */
import * as vscode from 'vscode';
import { linksIn, questionsIn, transcriptOutline, turnFolds, type OutlineStep } from '../../present/transcriptOutline';
import { COMMANDS, TRANSCRIPT_SCHEME } from '../ids';
import { addressOf } from './address';

const STEP_WORDS: Record<OutlineStep['kind'], string> = {
  log: 'step',
  success: 'done',
  error: 'error',
  questions: 'waiting for your answers',
};

function lines(document: vscode.TextDocument, first: number, last: number): vscode.Range {
  return new vscode.Range(first, 0, last, document.lineAt(last).range.end.character);
}

const folds: vscode.FoldingRangeProvider = {
  provideFoldingRanges: (document) =>
    turnFolds(transcriptOutline(document.getText())).map((fold) => new vscode.FoldingRange(fold.start, fold.end)),
};

const symbols: vscode.DocumentSymbolProvider = {
  provideDocumentSymbols: (document) =>
    transcriptOutline(document.getText()).map((turn) => {
      const symbol = new vscode.DocumentSymbol(
        turn.title,
        turn.words ?? '',
        vscode.SymbolKind.Namespace,
        lines(document, turn.line, turn.endLine),
        lines(document, turn.line, turn.line),
      );
      symbol.children = turn.steps.map(
        (step) =>
          new vscode.DocumentSymbol(
            step.title || STEP_WORDS[step.kind],
            STEP_WORDS[step.kind],
            step.kind === 'questions' ? vscode.SymbolKind.Key : vscode.SymbolKind.Event,
            lines(document, step.line, step.endLine),
            lines(document, step.line, step.line),
          ),
      );
      return symbol;
    }),
};

const links: vscode.DocumentLinkProvider = {
  provideDocumentLinks: (document) =>
    linksIn(document.getText()).map(
      (link) =>
        new vscode.DocumentLink(
          new vscode.Range(link.line, link.start, link.line, link.end),
          vscode.Uri.parse(link.target),
        ),
    ),
};

const answerLenses: vscode.CodeLensProvider = {
  provideCodeLenses: (document) => {
    const address = addressOf(document.uri);
    if (!address) {
      return [];
    }
    return questionsIn(document.getText()).map(
      (asked) =>
        new vscode.CodeLens(lines(document, asked.line, asked.endLine), {
          title:
            asked.questions.length === 1 ? 'Answer the question' : `Answer the ${asked.questions.length} questions`,
          tooltip: asked.questions.join('\n'),
          command: COMMANDS.answerQuestions,
          arguments: [{ serverId: address.serverId, projectId: address.projectId }],
        }),
    );
  },
};

export function registerTranscriptFeatures(): vscode.Disposable[] {
  const selector: vscode.DocumentSelector = { scheme: TRANSCRIPT_SCHEME };
  return [
    vscode.languages.registerFoldingRangeProvider(selector, folds),
    vscode.languages.registerDocumentSymbolProvider(selector, symbols, { label: 'Bilt transcript' }),
    vscode.languages.registerDocumentLinkProvider(selector, links),
    vscode.languages.registerCodeLensProvider(selector, answerLenses),
  ];
}
