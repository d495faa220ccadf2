/**
 * An in-editor agent tool is an adapter over one action: its input is parsed with the tool's zod schema
 * (errors name the field and the limit), VS Code's confirmation shows what the action asks to confirm
 * (reads run without one), and the outcome becomes text the model reads: the result, or the refusal's
 * `{error, details}` body in the engine's words.
 */
import * as vscode from 'vscode';
import type { ActionContext, WriteOptions } from '../../actions/context';
import type { Outcome } from '../../actions/outcome';
import { reasonOf } from '../../actions/outcome';
import { AGENT_TOOLS, type AgentToolInput, type AgentToolName } from '../../core/contract/agentTools';
import { BiltError, isBiltError } from '../../core/errors';
import { parseInput } from '../../core/validation';

export interface AgentTool<N extends AgentToolName> {
  name: N;
  /** Present-tense text shown while it runs. */
  running(input: AgentToolInput<N>): string;
  /** The action: unconfirmed it returns what to confirm; confirmed it acts. Done values are what the model reads. */
  run(ctx: ActionContext, input: AgentToolInput<N>, o: WriteOptions): Promise<Outcome<object>>;
}

export interface AgentToolDeps {
  actions: ActionContext;
  /** bilt.agent.readOnly: only the tools that read may run. */
  readOnly(): boolean;
}

const text = (value: string) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(value)]);

function confirmation(outcome: Outcome<object>): vscode.LanguageModelToolConfirmationMessages | undefined {
  if (outcome.kind !== 'confirm') {
    return undefined;
  }
  const quote = outcome.quote ? `\n\n> ${outcome.quote.slice(0, 300).replace(/\n/g, '\n> ')}` : '';
  const more = outcome.quote && outcome.quote.length > 300 ? '…' : '';
  return { title: outcome.title, message: new vscode.MarkdownString(`${outcome.message}${quote}${more}`) };
}

function resultText(outcome: Outcome<object>): string {
  switch (outcome.kind) {
    case 'done':
      return JSON.stringify(outcome.value);
    case 'refused':
      return JSON.stringify(outcome.error.toBody());
    case 'aborted':
      return 'Stopped before it was done.';
    case 'confirm':
      return `Not done: ${outcome.title}`;
  }
}

export function registerAgentTool<N extends AgentToolName>(tool: AgentTool<N>, deps: AgentToolDeps): vscode.Disposable {
  // read on first use, not while activating: the zod inputs live in dist/extension-deferred.js
  const spec = () => AGENT_TOOLS[tool.name];
  const parse = (raw: unknown) => parseInput(spec().input, raw) as AgentToolInput<N>;
  return vscode.lm.registerTool<unknown>(tool.name, {
    prepareInvocation: async (options) => {
      const parsed = spec().input.safeParse(options.input);
      if (!parsed.success) {
        return { invocationMessage: `Bilt: ${tool.name}` };
      }
      const input = parsed.data as AgentToolInput<N>;
      const asked = spec().risk === 'read' ? undefined : await tool.run(deps.actions, input, {}).catch(() => undefined);
      return { invocationMessage: tool.running(input), confirmationMessages: asked && confirmation(asked) };
    },
    invoke: async (options, token) => {
      const stop = new AbortController();
      const sub = token.onCancellationRequested(() => stop.abort());
      try {
        if (spec().risk !== 'read' && deps.readOnly()) {
          throw new BiltError('forbidden', 'Bilt tools are read-only here', {
            message: 'The setting bilt.agent.readOnly lets agents only read; ask the user to act instead',
          });
        }
        const outcome = await tool.run(deps.actions, parse(options.input), { confirmed: true, signal: stop.signal });
        return text(resultText(outcome));
      } catch (e) {
        // the model reads failures as text it can act on, with the field and the limit when it was the input
        return text(isBiltError(e) ? JSON.stringify(e.toBody()) : `Error: ${reasonOf(e)}`);
      } finally {
        sub.dispose();
      }
    },
  });
}
