/**
 * bilt_list_projects with 2,000 projects through MCP over HTTP (dist/engine.js): the size of the whole
 * answer (what clients that send no limit get, as the seed contract says) and of a page of 100.
 */
import { buildDataDir, removeDir, tempDataDir } from './lib/engineData';
import { startEngine } from './lib/engineProcess';
import type { Bench, Figure } from './lib/types';
import { stats } from './lib/types';

const PROJECTS = 2000;

async function call(ready: { mcpUrl: string; token: string }, args: object): Promise<{ bytes: number; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(ready.mcpUrl, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${ready.token}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'bilt_list_projects', arguments: args },
    }),
  });
  const body = Buffer.from(await res.arrayBuffer());
  if (!res.ok || !body.includes('"projects"')) {
    throw new Error(`bilt_list_projects answered ${res.status}: ${body.subarray(0, 200).toString()}`);
  }
  return { bytes: body.length, ms: performance.now() - t0 };
}

export const engineListProjects: Bench = {
  title: 'Engine: bilt_list_projects with 2,000 projects',
  method:
    'dist/engine.js over a data dir of 2,000 projects; `tools/call bilt_list_projects` over HTTP (the MCP ' +
    'JSON-RPC body a client receives), without arguments and with `limit: 100`; ten calls each.',
  async run(o) {
    const dataDir = tempDataDir();
    try {
      await buildDataDir(dataDir, { projects: PROJECTS, messages: 0, messagesPerWorkflow: 10 });
      const engine = await startEngine(dataDir, ['--max-projects', String(PROJECTS * 2)]);
      const figures: Figure[] = [];
      try {
        for (const [label, args] of [
          ['every project (no limit, as old clients ask)', {}],
          ['a page of 100 (limit: 100)', { limit: 100 }],
        ] as const) {
          const calls = [];
          for (let i = 0; i < (o.quick ? 3 : 10); i++) {
            calls.push(await call(engine.ready, args));
          }
          const kb = calls[0]!.bytes / 1024;
          const paged = 'limit' in args;
          figures.push({
            name: `bilt_list_projects answer, ${label}`,
            unit: 'KB',
            median: kb,
            samples: calls.length,
            goal: paged ? '< 64 KB' : undefined,
            met: paged ? kb < 64 : undefined,
            note: `${stats(calls.map((c) => c.ms)).median.toFixed(1)} ms per call (median)`,
          });
        }
      } finally {
        await engine.stop();
      }
      return figures;
    } finally {
      removeDir(dataDir);
    }
  },
};
