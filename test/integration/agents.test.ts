/**
 * The agent path: VS Code starts the bundled MCP server from the extension's definition provider and its
 * tools answer through vscode.lm; the in-editor tools act through the shared store (the tree sees it).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, autoApproveTools, entry, latest, uniqueName, until, useTestScenario } from './support';

const MCP_SERVER = 'bilt-community.bilt-vscode/Bilt';
const mcpTools = () => vscode.lm.tools.filter((t) => t.name.startsWith('mcp_') && /bilt_\w+$/.test(t.name));
const setting = (key: string, value: unknown) =>
  vscode.workspace.getConfiguration('bilt').update(key, value, vscode.ConfigurationTarget.Global);

/** Asks VS Code to start the Bilt MCP server; the Bilt MCP tools it then has (none when it has no such server). */
async function startMcp(): Promise<vscode.LanguageModelToolInformation[]> {
  await Promise.resolve(
    vscode.commands.executeCommand('workbench.mcp.startServer', MCP_SERVER, { waitForLiveTools: true }),
  ).catch(() => undefined);
  return mcpTools();
}

const text = (r: vscode.LanguageModelToolResult) =>
  r.content.map((c) => (c instanceof vscode.LanguageModelTextPart ? c.value : '')).join('');

describe('Bilt for agents in a real VS Code', function () {
  this.timeout(60_000);
  before(async () => {
    await useTestScenario();
    await autoApproveTools(); // before any MCP tool call: global auto-approve is on in the harness
  });

  it('offers one tool set by default: the in-editor tools, and no MCP server definition', async () => {
    await api();
    const listed = await vscode.lm.invokeTool('bilt_listProjects', { input: {}, toolInvocationToken: undefined });
    assert.match(text(listed), /"projects":\[/, 'the in-editor tools answer');
    assert.deepEqual(await startMcp(), [], 'VS Code has no Bilt MCP server to start');
  });

  it('provides the MCP server definition when that tool set is chosen; VS Code starts it and its tools answer', async () => {
    const a = await api();
    await setting('agent.tools', 'both');
    const name = uniqueName('mcp');
    const id = await vscode.commands.executeCommand<string>('bilt.createProject', { serverId: 'local' }, { name });
    await entry(a, id!);
    const tools = await until(
      async () => (await startMcp()).length > 0 && mcpTools(),
      'the MCP tools in vscode.lm.tools',
    );
    assert.equal(tools.length, 8);
    const list = tools.find((t) => t.name.endsWith('bilt_list_projects'))!;
    const r = await vscode.lm.invokeTool(list.name, { input: {}, toolInvocationToken: undefined });
    assert.match(text(r), new RegExp(name), 'the bridge lists the project from the same local engine');
  });

  it('read-only mode offers only the tools that read, in both tool sets', async () => {
    await setting('agent.tools', 'both');
    await setting('agent.readOnly', true);
    try {
      // vscode.lm.tools lists disabled tools too (the picker hides them by their `when`): a write tool refuses
      const refusedSend = await vscode.lm.invokeTool('bilt_sendMessage', {
        input: { message: 'Build it anyway' },
        toolInvocationToken: undefined,
      });
      assert.match(text(refusedSend), /"code":"forbidden".*bilt\.agent\.readOnly/);
      await vscode.commands.executeCommand('workbench.mcp.stopServer', MCP_SERVER);
      const tools = await until(async () => {
        await startMcp();
        const names = mcpTools().map((t) => t.name.replace(/^.*(bilt_\w+)$/, '$1'));
        return names.length > 0 && !names.includes('bilt_send_message') && names;
      }, 'the MCP server restarted read-only');
      assert.deepEqual(tools.sort(), [
        'bilt_get_messages',
        'bilt_get_project',
        'bilt_get_session',
        'bilt_list_projects',
      ]);
    } finally {
      await setting('agent.readOnly', undefined);
      await setting('agent.tools', undefined);
    }
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
