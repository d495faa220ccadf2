/**
 * `npm start`'s engine: the user's local engine, found or started, with a project named "demo"; for
 * `npm start -- --check`, the page the builder makes of it.
 */
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Discovery } from '../../src/api/local/discovery';
import { findEngine, findOrStartEngine } from '../../src/api/local/launcher';

export const DEMO = 'demo';
export interface Engine {
  d: Discovery;
  /** This run started it (else it was running already). */
  started: boolean;
}

export async function ensureEngine(repo: string, dataDir: string): Promise<Engine> {
  const running = await findEngine(dataDir);
  if (running) {
    return { d: running, started: false };
  }
  const d = await findOrStartEngine({ engineScript: path.join(repo, 'dist/engine.js'), dataDir, args: ['--demo'] });
  return { d, started: true };
}

/** One MCP client to the engine for `work`; tool errors throw with the tool's name. */
async function withClient<T>(d: Discovery, work: (call: Call) => Promise<T>): Promise<T> {
  const transport = new StreamableHTTPClientTransport(new URL(d.mcpUrl), {
    requestInit: { headers: { authorization: `Bearer ${d.token}` } },
  });
  const client = new Client({ name: 'bilt-start', version: '1.0.0' });
  await client.connect(transport);
  try {
    return await work(async <R>(name: string, args: Record<string, unknown>): Promise<R> => {
      const r = await client.callTool({ name, arguments: args }, undefined, { timeout: 120_000 });
      if (r.isError) {
        throw new Error(`${name}: ${JSON.stringify(r.content)}`);
      }
      return r.structuredContent as R;
    });
  } finally {
    await client.close();
  }
}

type Call = <R>(name: string, args: Record<string, unknown>) => Promise<R>;

async function demoProject(call: Call): Promise<{ id: string } | undefined> {
  const { projects } = await call<{ projects: Array<{ id: string; name: string }> }>('bilt_list_projects', {});
  return projects.find((p) => p.name === DEMO);
}

/** The engine's projects through its MCP contract; "demo" is created when missing. */
export async function ensureDemoProject(d: Discovery): Promise<'created' | 'found'> {
  return withClient(d, async (call) => {
    if (await demoProject(call)) {
      return 'found';
    }
    await call('bilt_create_project', { name: DEMO, description: 'A demo project for the local Bilt engine' });
    return 'created';
  });
}

export const DEMO_INSTRUCTION = 'Build a landing page with a signup form';

/**
 * The builder's first page for a demo project that has run nothing yet (the instruction a person sends
 * first): the URL the engine serves it at; undefined when the demo has run workflows already.
 */
export async function buildDemoPage(d: Discovery): Promise<string | undefined> {
  return withClient(d, async (call) => {
    const demo = await demoProject(call);
    if (!demo) {
      throw new Error(`the engine has no project "${DEMO}"`);
    }
    const session = await call<{ session_id: string; workflows?: unknown[] }>('bilt_get_session', {
      project_id: demo.id,
    });
    if ((session.workflows ?? []).length > 0) {
      return undefined;
    }
    const sent = await call<{ status?: string; result_url?: string; pause?: unknown }>('bilt_send_message', {
      session_id: session.session_id,
      message: DEMO_INSTRUCTION,
      wait_for_response: true,
    });
    if (sent.status !== 'completed' || !sent.result_url) {
      throw new Error(`"${DEMO_INSTRUCTION}" ended ${JSON.stringify(sent)}`);
    }
    return sent.result_url;
  });
}
