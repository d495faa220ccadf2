import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createBridgeServer } from '../../../src/mcp/bridge/server';
import { FakeUpstream, PROJECT } from './fakeUpstream';

describe('bridge (in-memory): bilt_list_projects pages like the engine', () => {
  it('answers every project in the seed’s shape without limit/offset, and a page with total and has_more', async () => {
    const projects = Array.from({ length: 5 }, (_, i) => ({
      ...PROJECT,
      id: `${PROJECT.id.slice(0, -1)}${i}`,
      name: `p${i}`,
    }));
    const up = new FakeUpstream().on('listProjects', async () => projects);
    const server = createBridgeServer(up, { waitTimeoutMs: 1000, log: () => undefined });
    const [a, b] = InMemoryTransport.createLinkedPair();
    await server.connect(a);
    const client = new Client({ name: 'test', version: '1' });
    await client.connect(b);
    const call = async (args: Record<string, unknown>) =>
      (await client.callTool({ name: 'bilt_list_projects', arguments: args })).structuredContent as {
        projects: { name: string }[];
        total?: number;
        has_more?: boolean;
      };
    const all = await call({});
    assert.deepEqual([all.projects.length, Object.keys(all)], [5, ['projects']]);
    const page = await call({ limit: 2, offset: 2 });
    assert.deepEqual([page.projects.map((p) => p.name), page.total, page.has_more], [['p2', 'p3'], 5, true]);
    const last = await call({ offset: 4 });
    assert.deepEqual([last.projects.map((p) => p.name), last.has_more], [['p4'], false]);
    await client.close();
  });
});
