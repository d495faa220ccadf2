/** One chat request to `@bilt`: what its handlers get, and the few things they all do. */
import * as vscode from 'vscode';
import type { Outcome, Refused } from '../../actions/outcome';
import { md } from '../../present/chat/session';
import type { TurnMeta } from '../../present/chat/followups';
import type { CommandDeps } from '../commands/deps';
import type { ChatOutput } from './record';
import { defaultOrPick, type Picked } from '../commands/pick';

export interface ChatTurn {
  request: vscode.ChatRequest;
  stream: ChatOutput;
  token: vscode.CancellationToken;
  /** Aborted when the person presses stop: waiting ends, the workflow goes on. */
  signal: AbortSignal;
  deps: CommandDeps;
}

export type ChatHandler = (turn: ChatTurn) => Promise<TurnMeta>;

/** The project a turn acts on: the workspace's linked project, or the only one; else the person picks. */
export function projectOf(turn: ChatTurn): Promise<Picked> {
  return defaultOrPick(turn.deps, 'Which Bilt project should @bilt work on?');
}

/** A refusal, in the engine's words, with what it is about. */
export function sayRefused(turn: ChatTurn, refused: Refused, projectName?: string): TurnMeta {
  turn.stream.markdown(`**Not done**${projectName ? ` (${md(projectName)})` : ''}: ${md(refused.reason)}.`);
  return { command: turn.request.command ?? '', state: 'refused' };
}

/** The value of a done outcome, or the refusal said and undefined (aborted: said too). */
export function doneOrSay<T>(turn: ChatTurn, outcome: Outcome<T>, projectName?: string): T | undefined {
  if (outcome.kind === 'done') {
    return outcome.value;
  }
  if (outcome.kind === 'refused') {
    sayRefused(turn, outcome, projectName);
  } else if (outcome.kind === 'aborted') {
    turn.stream.markdown('Stopped.');
  }
  return undefined;
}
