/** The figures of bench/bridgeStart.ts from its samples: cold starts and per-call latencies. */
import { stats, type Figure } from './types';

type ColdStarts = Record<'bridge' | 'mcp-remote' | 'node', number[]>;
type Latencies = Record<'direct' | 'bridge' | 'mcp-remote', number[]>;

const MCP_REMOTE = 'mcp-remote 0.15.1';

/** CPU time per call in each proxy's process (undefined where /proc is not there). */
type CpuPerCall = Record<'bridge' | 'mcp-remote', number | undefined>;

export function bridgeStartFigures(cold: ColdStarts, latency: Latencies, cpu: CpuPerCall): Figure[] {
  const bridge = stats(cold.bridge);
  const node = stats(cold.node);
  const remote = stats(cold['mcp-remote']);
  const direct = stats(latency.direct);
  const viaBridge = stats(latency.bridge);
  const viaRemote = stats(latency['mcp-remote']);
  // the calls of one round run back to back: the difference within a round is that call's overhead
  const paired = (k: 'bridge' | 'mcp-remote') => stats(latency[k].map((t, i) => t - latency.direct[i]!));
  const overhead = paired('bridge');
  const remoteOverhead = paired('mcp-remote');
  return [
    {
      name: 'bridge cold start: spawn → first tools/list answered',
      unit: 'ms',
      ...bridge,
      samples: cold.bridge.length,
      comparison: { name: '`node -e 0` (spawn → exit)', ...node },
      goal: 'within 30 ms of node -e 0',
      met: bridge.median - node.median <= 30,
      note: `${(bridge.median - node.median).toFixed(1)} ms over node -e 0 (medians)`,
    },
    {
      name: `bridge cold start against ${MCP_REMOTE} (its config dir kept across spawns)`,
      unit: 'ms',
      ...bridge,
      samples: cold.bridge.length,
      comparison: { name: MCP_REMOTE, ...remote },
      goal: 'at most a fifth of mcp-remote (issue #3)',
      met: bridge.median <= remote.median / 5,
      note: `ratio ${(bridge.median / remote.median).toFixed(2)}; mcp-remote connects to the server before it lists tools`,
    },
    {
      name: 'per-call overhead of the bridge: bilt_get_project through it − the direct call of the same round',
      unit: 'ms',
      ...overhead,
      samples: latency.bridge.length,
      comparison: { name: `${MCP_REMOTE} overhead`, ...remoteOverhead },
      goal: '≤ 1 ms p50',
      met: overhead.median <= 1,
      note:
        `difference of the medians: ${(viaBridge.median - direct.median).toFixed(2)} ms; latency p50/p95: bridge ` +
        `${viaBridge.median.toFixed(2)}/${viaBridge.p95.toFixed(2)} ms, direct ${direct.median.toFixed(2)}/` +
        `${direct.p95.toFixed(2)} ms, mcp-remote ${viaRemote.median.toFixed(2)}/${viaRemote.p95.toFixed(2)} ms`,
    },
    ...(cpu.bridge === undefined
      ? []
      : [
          {
            name: 'CPU time per call in the bridge process (user + system)',
            unit: 'ms',
            median: cpu.bridge,
            samples: latency.bridge.length,
            comparison: cpu['mcp-remote'] === undefined ? undefined : { name: MCP_REMOTE, median: cpu['mcp-remote'] },
            note: "the bridge's own work per call, whatever else the machine runs (the overhead above also waits for CPUs)",
          },
        ]),
  ];
}
