/**
 * The agent path through VS Code's own MCP client: with `bilt.agent.tools` = both, VS Code starts the bundled
 * bridge from the extension's definition provider, and all eight seed tools, invoked through vscode.lm.invokeTool
 * as an agent would, run a whole workflow on the harness's local engine (test/fixtures/scenarios/vscode.json):
 * create, send (paused with a question), answer, completed, the log, and the refusals' own texts.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { autoApproveTools, uniqueName, until, useTestScenario } from './support';

const MCP_SERVER = 'bilt-community.bilt-vscode/Bilt';
const SEED_TOOLS = [
  'bilt_list_projects',
  'bilt_get_project',
  'bilt_create_project',
  'bilt_get_session',
  'bilt_send_message',
  'bilt_get_messages',
  'bilt_resume_workflow',
  'bilt_cancel_workflow',
] as const;
type SeedTool = (typeof SEED_TOOLS)[number];

const setting = (key: string, value: unknown) =>
  vscode.workspace.getConfiguration('bilt').update(key, value, vscode.ConfigurationTarget.Global);

/** The Bilt MCP tools in vscode.lm.tools (`mcp_<server>_<tool>`), by seed tool name. */
function biltMcpTools(): Map<string, string> {
  const named = vscode.lm.tools
    .filter((t) => t.name.startsWith('mcp_') && /bilt_\w+$/.test(t.name))
    .map((t) => [t.name.replace(/^.*(bilt_\w+)$/, '$1'), t.name] as const);
  return new Map(named);
}

interface Project {
  id: string;
  name: string;
  description: string | null;
  visibility: string;
}
interface Session {
  session_id: string;
  project_id: string;
  status: string;
  workflows?: Array<{ workflow_id: string; status: string; result_url: string | null }>;
}
interface Sent {
  session_id: string;
  workflow_started: boolean;
  workflow_id?: string;
  status?: string;
  timed_out?: boolean;
  pause?: { type: string; questions?: Array<{ question: string; options: string[] }> };
}
interface Resumed {
  session_id: string;
  workflow_id: string;
  status: string;
}
interface Message {
  side: 'user' | 'ai';
  variant: string;
  message: string;
}
/** A refusal: the contract's `{ error, details }`, as the tool result's text. */
interface Refusal {
  error: string;
  details: { code: string; message?: string; current_status?: string; field?: string };
}

const text = (r: vscode.LanguageModelToolResult) =>
  r.content.map((c) => (c instanceof vscode.LanguageModelTextPart ? c.value : '')).join('');

describe("Bilt's MCP server through VS Code's own MCP client", function () {
  this.timeout(90_000);
  let toolNames = new Map<string, string>();

  /** Invokes a seed tool as an agent does (no chat token); its answer, which is JSON text, parsed. */
  async function call<T = Record<string, unknown>>(tool: SeedTool, input: object): Promise<T> {
    const name = toolNames.get(tool);
    assert.ok(name, `${tool} among the MCP tools`);
    const answer = text(await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined }));
    try {
      return JSON.parse(answer) as T;
    } catch {
      throw new Error(`${tool} did not answer JSON: ${answer}`);
    }
  }

  /** A new project through the tools, and its session. */
  async function newProject(base: string): Promise<{ project: Project; sessionId: string }> {
    const project = await call<Project>('bilt_create_project', {
      name: uniqueName(base),
      description: "Made through VS Code's MCP client",
      visibility: 'PRIVATE',
    });
    const session = await call<Session>('bilt_get_session', { project_id: project.id });
    assert.deepEqual([session.project_id, session.status], [project.id, 'idle']);
    return { project, sessionId: session.session_id };
  }

  before(async () => {
    await useTestScenario();
    await autoApproveTools(); // before any MCP tool call: global auto-approve is on in the harness
    await setting('agent.tools', 'both');
    toolNames = await until(
      async () => {
        await Promise.resolve(
          vscode.commands.executeCommand('workbench.mcp.startServer', MCP_SERVER, { waitForLiveTools: true }),
        ).catch(() => undefined);
        const found = biltMcpTools();
        return SEED_TOOLS.every((t) => found.has(t)) && found;
      },
      'the eight Bilt MCP tools in vscode.lm.tools',
      30_000,
    );
  });
  after(() => setting('agent.tools', undefined));

  it('all eight tools: create, send (paused with a question), answer, completed, the log; cancel refused after', async () => {
    const { project, sessionId } = await newProject('mcp-tools');
    assert.deepEqual([project.visibility, project.description], ['private', "Made through VS Code's MCP client"]);
    const listed = await call<{ projects: Project[] }>('bilt_list_projects', {});
    assert.deepEqual(
      listed.projects.find((p) => p.id === project.id),
      project,
      'listed as created',
    );
    assert.deepEqual(await call('bilt_get_project', { project_id: project.id }), project);

    const sent = await call<Sent>('bilt_send_message', {
      session_id: sessionId,
      message: 'Build a recipe app with a shopping list',
      wait_for_response: true,
    });
    assert.deepEqual([sent.session_id, sent.workflow_started, sent.status], [sessionId, true, 'paused']);
    assert.equal(sent.timed_out, false, 'the wait ended at the pause, not at its time limit');
    assert.equal(sent.pause?.type, 'questions');
    assert.deepEqual(
      sent.pause?.questions?.map((q) => [q.question, q.options]),
      [['Which platform?', ['Web', 'iOS']]],
    );

    const resumed = await call<Resumed>('bilt_resume_workflow', {
      session_id: sessionId,
      answers: [{ question_index: 0, selected_options: ['Web'] }],
    });
    assert.deepEqual(
      [resumed.session_id, resumed.workflow_id, resumed.status],
      [sessionId, sent.workflow_id, 'running'],
    );

    // the scenario builds for 3 s, then deploys
    const done = await until(
      async () => {
        const s = await call<Session>('bilt_get_session', { session_id: sessionId });
        return s.status === 'completed' && s;
      },
      'the workflow to complete (bilt_get_session)',
      30_000,
    );
    assert.equal(done.workflows?.[0]?.workflow_id, sent.workflow_id);
    assert.equal(done.workflows?.[0]?.result_url, `https://${project.name}.vscode.test`);

    const { messages } = await call<{ messages: Message[] }>('bilt_get_messages', { session_id: sessionId });
    const said = messages.map((m) => `${m.side}: ${m.message}`);
    assert.ok(said.includes('user: Build a recipe app with a shopping list'), said.join('\n'));
    assert.ok(said.includes('user: Which platform? → Web'), said.join('\n'));
    const deployed = messages.find((m) => m.side === 'ai' && m.message === `Deployed ${project.name}`);
    assert.equal(deployed?.variant, 'success', said.join('\n'));

    const refused = await call<Refusal>('bilt_cancel_workflow', { session_id: sessionId, reason: 'too late' });
    assert.equal(refused.error, 'Cannot cancel workflow');
    assert.deepEqual(
      [refused.details.code, refused.details.current_status, refused.details.message],
      ['illegal_state', 'completed', 'Workflow has already completed'],
    );
  });

  it('refuses input over a limit with its own error text, and nothing starts', async () => {
    const { sessionId } = await newProject('mcp-limits');
    const refused = await call<Refusal>('bilt_send_message', { session_id: sessionId, message: 'x'.repeat(5001) });
    assert.match(refused.details.message ?? '', /message must be at most 5000 characters/);
    assert.deepEqual([refused.details.code, refused.details.field], ['invalid_input', 'message']);
    const session = await call<Session>('bilt_get_session', { session_id: sessionId });
    assert.equal(session.status, 'idle', 'no workflow started');
  });
});
