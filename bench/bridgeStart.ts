/**
 * Benchmark: the bundled MCP bridge (dist/bridge.js) where agents feel it, side by side in one run with
 * `node -e 0` and mcp-remote (npm, the stdio proxy Bilt's own docs recommend), all spawned with the same
 * Node and, for the proxies, pointed at the same local engine over loopback:
 *   1. cold start: spawn → first tools/list answered (alternating bridge, mcp-remote, node -e 0);
 *   2. per-call overhead: bilt_get_project through each proxy minus the same call made directly over
 *      Streamable HTTP in the same round (rounds of one call each, after a warm-up), and each proxy's
 *      CPU time per call.
 * mcp-remote keeps one config directory across its spawns, as a user's does.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startEngine } from '../test/support/engineProcess';
import { tempDir } from '../test/support/tmp';
import { mcpColdStart, nodeColdStart, type Command } from './lib/coldStart';
import { bridgeStartFigures } from './lib/bridgeFigures';
import { processCpuMs } from './lib/processCpu';
import type { Bench } from './lib/types';

const ROOT = path.resolve(__dirname, '..');
type ProxyName = 'bridge' | 'mcp-remote';

function proxyCommand(p: ProxyName, url: string, token: string, remoteConfigDir: string): Command {
  if (p === 'bridge') {
    return { args: [path.join(ROOT, 'dist/bridge.js')], env: { BILT_URL: url, BILT_TOKEN: token } };
  }
  // mcp-remote's documented invocation for Bilt (Streamable HTTP only), its config dir kept across spawns
  const proxy = path.join(ROOT, 'node_modules/mcp-remote/dist/proxy.js');
  return {
    args: [proxy, url, '--transport', 'http-only', '--header', `Authorization:Bearer ${token}`],
    env: { MCP_REMOTE_CONFIG_DIR: remoteConfigDir },
  };
}

async function connect(transport: StdioClientTransport | StreamableHTTPClientTransport): Promise<Client> {
  const client = new Client({ name: 'bench', version: '1' });
  await client.connect(transport);
  return client;
}

const stdio = (c: Command) =>
  new StdioClientTransport({
    command: process.execPath,
    args: c.args,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...c.env },
    stderr: 'ignore',
  });

type Latencies = Record<'direct' | ProxyName, number[]>;

/** Spawn → first tools/list of each proxy, and node -e 0, alternating; the first round is not counted. */
async function coldStarts(command: (p: ProxyName) => Command, runs: number) {
  const cold: Record<ProxyName | 'node', number[]> = { bridge: [], 'mcp-remote': [], node: [] };
  for (let i = -1; i < runs; i++) {
    // round -1 warms the file cache and mcp-remote's config dir
    const bridge = await mcpColdStart(command('bridge'));
    const remote = await mcpColdStart(command('mcp-remote'));
    const node = await nodeColdStart();
    if (i >= 0) {
      cold.bridge.push(bridge);
      cold['mcp-remote'].push(remote);
      cold.node.push(node);
    }
  }
  return cold;
}

const ROUND_ORDERS = [
  ['direct', 'bridge', 'mcp-remote'],
  ['bridge', 'mcp-remote', 'direct'],
  ['mcp-remote', 'direct', 'bridge'],
] as const;

/** bilt_get_project in rounds (direct, bridge, mcp-remote): latencies, and each proxy's CPU per call. */
async function perCall(url: string, token: string, command: (p: ProxyName) => Command, warmup: number, calls: number) {
  const headers = { authorization: `Bearer ${token}` };
  const transports = { bridge: stdio(command('bridge')), 'mcp-remote': stdio(command('mcp-remote')) };
  const clients = {
    direct: await connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } })),
    bridge: await connect(transports.bridge),
    'mcp-remote': await connect(transports['mcp-remote']),
  };
  const created = await clients.direct.callTool({ name: 'bilt_create_project', arguments: { name: 'bench' } });
  const args = { project_id: (created.structuredContent as { id: string }).id };
  const latency: Latencies = { direct: [], bridge: [], 'mcp-remote': [] };
  const cpu = () => ({
    bridge: processCpuMs(transports.bridge.pid),
    remote: processCpuMs(transports['mcp-remote'].pid),
  });
  let cpuStart = cpu();
  for (let i = 0; i < warmup + calls; i++) {
    if (i === warmup) {
      cpuStart = cpu();
    }
    // the order turns each round, so that no client always follows another (the engine's trailing work)
    for (const k of ROUND_ORDERS[i % ROUND_ORDERS.length]!) {
      const t0 = performance.now();
      const r = await clients[k].callTool({ name: 'bilt_get_project', arguments: args });
      const t = performance.now() - t0;
      if (r.isError) {
        throw new Error(`${k}: ${JSON.stringify(r.content)}`);
      }
      if (i >= warmup) {
        latency[k].push(t);
      }
    }
  }
  const cpuEnd = cpu();
  const perCallCpu = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : (b - a) / calls);
  await Promise.all(Object.values(clients).map((c) => c.close()));
  return {
    latency,
    cpu: {
      bridge: perCallCpu(cpuStart.bridge, cpuEnd.bridge),
      'mcp-remote': perCallCpu(cpuStart.remote, cpuEnd.remote),
    },
  };
}

export const bridgeStart: Bench = {
  title: 'MCP bridge: cold start and per-call overhead',
  method:
    'One local engine (`dist/engine.js`, emulator) over loopback. Cold start: spawn until the first tools/list answer ' +
    '(initialize, its answer, then tools/list, as clients do), measured with Node built-ins only, alternating the ' +
    'bundled bridge, mcp-remote 0.15.1 (one `MCP_REMOTE_CONFIG_DIR` kept across its spawns, as a user has it) and ' +
    '`node -e 0` (spawn until exit: the floor); one uncounted warm-up each. Per call: `bilt_get_project` through ' +
    'each proxy and directly over Streamable HTTP with the MCP SDK client, in rounds of one call each (direct, ' +
    "bridge, mcp-remote, each first in turn) after a warm-up; a call's overhead is its latency minus the direct " +
    "call's of the same round; each proxy's CPU time per call comes from /proc.",
  async run(o) {
    const engine = await startEngine(['--data-dir', tempDir('bench-engine-'), '--agent', 'emulator', '--speed', '0']);
    const { mcpUrl, token } = engine.ready;
    const remoteConfigDir = tempDir('bench-mcp-remote-');
    const command = (p: ProxyName) => proxyCommand(p, mcpUrl, token, remoteConfigDir);
    try {
      const cold = await coldStarts(command, o.quick ? 3 : 15);
      const calls = await perCall(mcpUrl, token, command, o.quick ? 10 : 30, o.quick ? 50 : 400);
      return bridgeStartFigures(cold, calls.latency, calls.cpu);
    } finally {
      await engine.stop();
    }
  },
};
