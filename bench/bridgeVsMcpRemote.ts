/**
 * Benchmark: the bundled bridge (dist/bridge.js) against mcp-remote (npm), both stdio proxies pointed
 * at the same local engine, measured side by side in one run:
 *   1. cold start: process spawn → first tools/list answered (N runs each, alternating);
 *   2. per-call overhead: latency of bilt_get_project through each proxy minus the same call made
 *      directly over Streamable HTTP (M calls each after a warm-up, interleaved).
 * Usage: npm run bench   (writes bench/results/bridge-vs-mcp-remote.md and prints it)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startEngine } from '../test/support/engineProcess';
import { tempDir } from '../test/support/tmp';

const ROOT = path.resolve(__dirname, '..');
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 15);
const CALLS = Number(process.env.BENCH_CALLS ?? 400);
const WARMUP = 30;

type Proxy = 'bridge' | 'mcp-remote';

function proxyCommand(p: Proxy, url: string, token: string): { args: string[]; env: Record<string, string> } {
  if (p === 'bridge') {
    return { args: [path.join(ROOT, 'dist/bridge.js')], env: { BILT_URL: url, BILT_TOKEN: token } };
  }
  // mcp-remote's documented invocation for Bilt (Streamable HTTP only, no body timeout)
  return {
    args: [
      path.join(ROOT, 'node_modules/mcp-remote/dist/proxy.js'),
      url,
      '--transport',
      'http-only',
      '--header',
      `Authorization:Bearer ${token}`,
    ],
    env: { MCP_REMOTE_CONFIG_DIR: tempDir('bench-mcp-remote-') },
  };
}

async function stdioClient(p: Proxy, url: string, token: string): Promise<Client> {
  const { args, env } = proxyCommand(p, url, token);
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
      stderr: 'ignore',
    }),
  );
  return client;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;

async function coldStart(p: Proxy, url: string, token: string): Promise<number> {
  const t0 = performance.now();
  const c = await stdioClient(p, url, token);
  await c.listTools();
  const t = performance.now() - t0;
  await c.close();
  return t;
}

async function main(): Promise<void> {
  const engine = await startEngine(['--data-dir', tempDir('bench-engine-'), '--speed', '0']);
  const { mcpUrl, token } = engine.ready;
  try {
    // 1. cold start, alternating so drift hits both alike
    const cold: Record<Proxy, number[]> = { bridge: [], 'mcp-remote': [] };
    for (let i = 0; i < COLD_RUNS; i++) {
      for (const p of ['bridge', 'mcp-remote'] as const) {
        cold[p].push(await coldStart(p, mcpUrl, token));
      }
    }

    // 2. per-call overhead against direct calls, interleaved
    const direct = new Client({ name: 'bench-direct', version: '1' });
    await direct.connect(
      new StreamableHTTPClientTransport(new URL(mcpUrl), {
        requestInit: { headers: { authorization: `Bearer ${token}` } },
      }),
    );
    const project = (await direct.callTool({ name: 'bilt_create_project', arguments: { name: 'bench' } }))
      .structuredContent as { id: string };
    const clients: Record<'direct' | Proxy, Client> = {
      direct,
      bridge: await stdioClient('bridge', mcpUrl, token),
      'mcp-remote': await stdioClient('mcp-remote', mcpUrl, token),
    };
    const lat: Record<'direct' | Proxy, number[]> = { direct: [], bridge: [], 'mcp-remote': [] };
    for (let i = 0; i < WARMUP + CALLS; i++) {
      for (const k of ['direct', 'bridge', 'mcp-remote'] as const) {
        const t0 = performance.now();
        const r = await clients[k].callTool({ name: 'bilt_get_project', arguments: { project_id: project.id } });
        const t = performance.now() - t0;
        if (r.isError) {
          throw new Error(`${k}: ${JSON.stringify(r.content)}`);
        }
        if (i >= WARMUP) {
          lat[k].push(t);
        }
      }
    }
    for (const c of Object.values(clients)) {
      await c.close();
    }

    const rows = [
      `| | bilt bridge | mcp-remote 0.15.1 | ratio |`,
      `|---|---|---|---|`,
      `| cold start → first tools/list, p50 (${COLD_RUNS} runs) | ${ms(pct(cold.bridge, 50))} | ${ms(pct(cold['mcp-remote'], 50))} | ${(pct(cold.bridge, 50) / pct(cold['mcp-remote'], 50)).toFixed(2)} |`,
      `| cold start, p90 | ${ms(pct(cold.bridge, 90))} | ${ms(pct(cold['mcp-remote'], 90))} | |`,
      `| bilt_get_project latency p50 (${CALLS} calls; direct HTTP ${ms(pct(lat.direct, 50))}) | ${ms(pct(lat.bridge, 50))} | ${ms(pct(lat['mcp-remote'], 50))} | |`,
      `| per-call overhead p50 (latency − direct) | ${ms(pct(lat.bridge, 50) - pct(lat.direct, 50))} | ${ms(pct(lat['mcp-remote'], 50) - pct(lat.direct, 50))} | |`,
      `| latency p90 | ${ms(pct(lat.bridge, 90))} | ${ms(pct(lat['mcp-remote'], 90))} | |`,
    ];
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const report = [
      `# Bridge vs mcp-remote`,
      ``,
      `Run ${new Date().toISOString()} on ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}.`,
      `Both proxies spawned with the same Node, pointed at the same local engine (\`dist/engine.js\`, emulator) over loopback; runs alternate/interleave.`,
      ``,
      ...rows,
      ``,
    ].join('\n');
    mkdirSync(path.join(__dirname, 'results'), { recursive: true });
    writeFileSync(path.join(__dirname, 'results', 'bridge-vs-mcp-remote.md'), report);
    console.log(report);
  } finally {
    await engine.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
