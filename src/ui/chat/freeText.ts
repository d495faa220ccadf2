/**
 * `@bilt <anything>`: the request's model decides which Bilt tools to call. The loop lives here: the
 * model's text is streamed, each tool call goes through `vscode.lm.invokeTool` with the request's
 * toolInvocationToken (so VS Code shows the tool's confirmation), and its outcome is shown and handed
 * back to the model. A model that cannot call tools gets a button that sends the text as an instruction.
 */
import * as vscode from 'vscode';
import { findTarget } from '../../actions/target';
import { AGENT_TOOL_NAMES } from '../../core/contract/agentTools';
import { toolOutcomeLine } from '../../present/chat/tools';
import { COMMANDS } from '../ids';
import type { ChatHandler, ChatTurn } from './turn';

/** Model rounds in one turn at most (each may call several tools). */
const MAX_ROUNDS = 6;

const GUIDE =
  'You steer Bilt, which builds and deploys apps from instructions, through the bilt_* tools. Read the state ' +
  '(bilt_getSession, bilt_getMessages) before acting; send instructions with bilt_sendMessage; answer questions ' +
  'with bilt_answerQuestions. Say briefly what you did and what Bilt answered.';

function offerAsInstruction(turn: ChatTurn, why: string): void {
  let target: unknown;
  try {
    target = findTarget(turn.deps.actions);
  } catch {
    target = undefined;
  }
  turn.stream.markdown(`${why} You can send your text to the project as an instruction:`);
  turn.stream.button({
    command: COMMANDS.sendMessage,
    title: 'Send to Bilt',
    arguments: [target, turn.request.prompt],
  });
}

export const freeText: ChatHandler = async (turn) => {
  const { request, stream, token } = turn;
  const offered = new Set<string>(AGENT_TOOL_NAMES);
  const tools = vscode.lm.tools.filter((t) => offered.has(t.name));
  const messages = [vscode.LanguageModelChatMessage.User(`${GUIDE}\n\n${request.prompt}`)];
  let called = 0;
  for (let round = 0; round < MAX_ROUNDS && !token.isCancellationRequested; round++) {
    let response: vscode.LanguageModelChatResponse;
    try {
      response = await request.model.sendRequest(messages, { tools }, token);
    } catch (e) {
      offerAsInstruction(
        turn,
        `The model could not take Bilt's tools (${e instanceof Error ? e.message : String(e)}).`,
      );
      return { command: '', state: 'refused' };
    }
    const calls: vscode.LanguageModelToolCallPart[] = [];
    for await (const part of response.stream) {
      if (part instanceof vscode.LanguageModelTextPart) {
        stream.markdown(part.value);
      } else if (part instanceof vscode.LanguageModelToolCallPart) {
        calls.push(part);
      }
    }
    if (calls.length === 0) {
      break;
    }
    messages.push(vscode.LanguageModelChatMessage.Assistant(calls));
    const results: vscode.LanguageModelToolResultPart[] = [];
    for (const call of calls) {
      called++;
      stream.progress(`Running ${call.name}…`);
      const input = call.input;
      const options = { input, toolInvocationToken: request.toolInvocationToken };
      const result = await vscode.lm.invokeTool(call.name, options, token);
      const text = result.content.map((c) => (c instanceof vscode.LanguageModelTextPart ? c.value : '')).join('');
      stream.markdown(`\n\n${toolOutcomeLine(call.name, text)}\n\n`);
      results.push(new vscode.LanguageModelToolResultPart(call.callId, result.content));
    }
    messages.push(vscode.LanguageModelChatMessage.User(results));
  }
  if (called === 0 && !token.isCancellationRequested) {
    offerAsInstruction(turn, '\n\nNo Bilt tool was called.');
  }
  return { command: '', state: called ? 'idle' : 'refused' };
};
