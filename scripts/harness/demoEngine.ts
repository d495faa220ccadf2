/** `npm start`'s engine: the user's local engine, found or started, with a project named "demo". */
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

/** The engine's projects through its MCP contract; "demo" is created when missing. */
export async function ensureDemoProject(d: Discovery): Promise<'created' | 'found'> {
  const transport = new StreamableHTTPClientTransport(new URL(d.mcpUrl), {
    requestInit: { headers: { authorization: `Bearer ${d.token}` } },
  });
  const client = new Client({ name: 'bilt-start', version: '1.0.0' });
  await client.connect(transport);
  try {
    const call = async <T>(name: string, args: Record<string, unknown>): Promise<T> => {
      const r = await client.callTool({ name, arguments: args });
      if (r.isError) {
        throw new Error(`${name}: ${JSON.stringify(r.content)}`);
      }
      return r.structuredContent as T;
    };
    const { projects } = await call<{ projects: Array<{ name: string }> }>('bilt_list_projects', {});
    if (projects.some((p) => p.name === DEMO)) {
      return 'found';
    }
    await call('bilt_create_project', { name: DEMO, description: 'A demo project for the local Bilt engine' });
    return 'created';
  } finally {
    await client.close();
  }
}
