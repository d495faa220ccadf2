/**
 * An in-editor agent tool: validated input (zod, errors naming the field), a confirmation by risk
 * (reads run silently; writes confirm naming the project and previewing the message; cancel is marked
 * destructive), and every mutation goes through the store, so the tree shows it at once.
 */
import * as vscode from 'vscode';
import { isBiltError } from '../../core/errors';
import { parseInput } from '../../core/validation';
import { AGENT_TOOLS, resolveProject, type AgentToolInput, type AgentToolName } from '../../present/agentTools';
import type { CommandDeps } from '../commands/deps';
import { linkedProject } from '../commands/pick';
import { reasonOf } from '../commands/run';

export interface AgentTool<N extends AgentToolName> {
  name: N;
  /** Present-tense text shown while it runs. */
  running(input: AgentToolInput<N>): string;
  /** For write tools: the confirmation's title and message (Markdown). */
  confirm?(input: AgentToolInput<N>, d: CommandDeps): { title: string; message: string };
  invoke(input: AgentToolInput<N>, d: CommandDeps, signal: AbortSignal): Promise<string>;
}

/** The project a tool's input names (or the default one), as a BiltError-free result for the model. */
export function projectOf(d: CommandDeps, wanted: string | undefined) {
  const m = resolveProject(d.store.snapshots(), wanted, linkedProject(d));
  if ('error' in m) {
    throw new Error(m.error);
  }
  return m;
}

export function registerAgentTool<N extends AgentToolName>(t: AgentTool<N>, d: CommandDeps): vscode.Disposable {
  const schema = AGENT_TOOLS[t.name].input;
  return vscode.lm.registerTool<unknown>(t.name, {
    prepareInvocation: (o) => {
      const r = schema.safeParse(o.input);
      if (!r.success) {
        return { invocationMessage: `Bilt: ${t.name}` };
      }
      const input = r.data as AgentToolInput<N>;
      const c = t.confirm?.(input, d);
      return {
        invocationMessage: t.running(input),
        ...(c ? { confirmationMessages: { title: c.title, message: new vscode.MarkdownString(c.message) } } : {}),
      };
    },
    invoke: async (o, token) => {
      const stop = new AbortController();
      const sub = token.onCancellationRequested(() => stop.abort());
      try {
        const input = parseInput(schema, o.input) as AgentToolInput<N>;
        return new vscode.LanguageModelToolResult([
          new vscode.LanguageModelTextPart(await t.invoke(input, d, stop.signal)),
        ]);
      } catch (e) {
        // the model reads failures as text it can act on, with the field and the limit when it was the input
        const text = isBiltError(e) ? JSON.stringify(e.toBody()) : `Error: ${reasonOf(e)}`;
        return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);
      } finally {
        sub.dispose();
      }
    },
  });
}
