/**
 * The scripted test model (test/fixtures/scripted-model), which the harness installs beside the extension:
 * VS Code lists it, and it asks for tools and answers by its script (its README.md), as chat tests rely on.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, scriptedModel, SCRIPTED_MODEL_VENDOR } from './support';

const { User, Assistant } = vscode.LanguageModelChatMessage;

/** Everything the model streams for one request. */
async function ask(
  model: vscode.LanguageModelChat,
  messages: vscode.LanguageModelChatMessage[],
  tools: vscode.LanguageModelChatTool[] = [],
): Promise<unknown[]> {
  const response = await model.sendRequest(messages, { tools });
  const parts: unknown[] = [];
  for await (const part of response.stream) {
    parts.push(part);
  }
  return parts;
}

const textOf = (parts: readonly unknown[]) =>
  parts.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : '')).join('');

const toolInfo = (name: string): vscode.LanguageModelToolInformation => {
  const tool = vscode.lm.tools.find((t) => t.name === name);
  assert.ok(tool, `${name} in vscode.lm.tools`);
  return tool;
};

describe('The scripted test model in a real VS Code', function () {
  this.timeout(30_000);
  before(() => api()); // the extension's own tools (bilt_listProjects) are registered on activation

  it('is installed: vscode.lm.selectChatModels finds "Bilt Scripted"', async () => {
    const model = await scriptedModel();
    assert.deepEqual(
      [model.vendor, model.id, model.name, model.family, model.version, model.maxInputTokens],
      [SCRIPTED_MODEL_VENDOR, 'scripted', 'Bilt Scripted', 'scripted', '1', 100000],
    );
    assert.equal(await model.countTokens('twelve chars'), 12);
  });

  it('asks for the tool its prompt names, then answers with what the tool said', async () => {
    const model = await scriptedModel();
    const prompt = User('call:bilt_listProjects');
    const first = await ask(model, [prompt], [toolInfo('bilt_listProjects')]);
    assert.equal(first.length, 1, 'one part');
    const call = first[0];
    assert.ok(call instanceof vscode.LanguageModelToolCallPart, `a tool call part, got ${JSON.stringify(first)}`);
    assert.deepEqual([call.name, call.input], ['bilt_listProjects', {}]);
    assert.match(call.callId, /^call-\d+$/);

    const result = await vscode.lm.invokeTool(call.name, { input: call.input, toolInvocationToken: undefined });
    const said = result.content.map((c) => (c instanceof vscode.LanguageModelTextPart ? c.value : '')).join('');
    assert.match(said, /"projects":\[/);
    const second = await ask(
      model,
      [prompt, Assistant([call]), User([new vscode.LanguageModelToolResultPart(call.callId, result.content)])],
      [toolInfo('bilt_listProjects')],
    );
    const expected = `SCRIPTED-RESULT: ${said.replace(/\s*[\r\n]+\s*/g, ' ').slice(0, 300)}`;
    assert.equal(textOf(second), expected);
  });

  it('follows the rest of its script: input JSON, a tool not offered, no directive, no tools', async () => {
    const model = await scriptedModel();
    const offered = [toolInfo('bilt_listProjects'), toolInfo('bilt_getSession')];
    const withInput = await ask(model, [User('please call:bilt_getSession {"project":"demo"} now')], offered);
    assert.ok(withInput[0] instanceof vscode.LanguageModelToolCallPart);
    assert.deepEqual([withInput[0].name, withInput[0].input], ['bilt_getSession', { project: 'demo' }]);

    assert.equal(
      textOf(await ask(model, [User('call:bilt_cancelWorkflow')], offered)),
      'SCRIPTED: no tool bilt_cancelWorkflow offered',
    );
    const undirected = await ask(model, [User('What are my projects?')], offered);
    assert.ok(undirected[0] instanceof vscode.LanguageModelToolCallPart);
    assert.deepEqual([undirected[0].name, undirected[0].input], ['bilt_listProjects', {}]);
    assert.equal(textOf(await ask(model, [User('What are my projects?')])), 'SCRIPTED: no tools offered');
  });
});
