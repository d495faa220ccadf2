/**
 * The agent path: VS Code starts the bundled MCP server from the extension's definition provider and its
 * tools answer through vscode.lm; the in-editor tools act through the shared store (the tree sees it).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, entry, latest, uniqueName, until, useTestScenario } from './support';

const text = (r: vscode.LanguageModelToolResult) =>
  r.content.map((c) => (c instanceof vscode.LanguageModelTextPart ? c.value : '')).join('');

describe('Bilt for agents in a real VS Code', function () {
  this.timeout(60_000);
  before(() => useTestScenario());

  it('provides the MCP server definition; VS Code starts it and its tools answer', async () => {
    const a = await api();
    const name = uniqueName('mcp');
    const id = await vscode.commands.executeCommand<string>('bilt.createProject', { serverId: 'local' }, { name });
    await entry(a, id!);
    await vscode.commands.executeCommand('workbench.mcp.startServer', 'bilt-community.bilt-vscode/Bilt', {
      waitForLiveTools: true,
    });
    const tool = await until(
      () => vscode.lm.tools.find((t) => t.name.startsWith('mcp_') && t.name.endsWith('bilt_list_projects')),
      'the MCP tool in vscode.lm.tools',
    );
    const r = await vscode.lm.invokeTool(tool.name, { input: {}, toolInvocationToken: undefined });
    assert.match(text(r), new RegExp(name), 'the bridge lists the project from the same local engine');
  });

  it('the in-editor tools read and act through the store, and the tree shows it at once', async () => {
    const a = await api();
    const name = uniqueName('lmtool');
    await vscode.commands.executeCommand<string>('bilt.createProject', { serverId: 'local' }, { name });
    const listed = await vscode.lm.invokeTool('bilt_listProjects', { input: {}, toolInvocationToken: undefined });
    assert.match(text(listed), new RegExp(name));
    const bad = await vscode.lm.invokeTool('bilt_sendMessage', {
      input: { project: name, message: 'x'.repeat(5001) },
      toolInvocationToken: undefined,
    });
    assert.match(text(bad), /message must be at most 5000 characters/);
    const sent = await vscode.lm.invokeTool('bilt_sendMessage', {
      input: { project: name, message: 'Build it from an agent' },
      toolInvocationToken: undefined,
    });
    assert.match(text(sent), /"started":true/);
    const p = a.store.snapshots()[0]!.projects!.find((x) => x.project.name === name)!;
    await until(
      async () => ['running', 'paused'].includes(String(latest(await entry(a, p.project.id))?.status)),
      "the tree to show the agent's workflow",
    );
    const cancelled = await vscode.lm.invokeTool('bilt_cancelWorkflow', {
      input: { project: name, reason: 'agent test over' },
      toolInvocationToken: undefined,
    });
    assert.match(text(cancelled), /"cancelled":true/);
  });
});
