/**
 * The full bridge server (dist/bridge-server.js), loaded by the stdio front on the first request it
 * does not answer itself. Also describes the tools at build time, so the front can answer
 * initialize and tools/list without loading any of this.
 */
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import { LIMITS } from '../../core/limits';
import { redactSecrets } from '../../core/redact';
import { VERSION } from '../../core/version';
import { ToolSet } from '../kit/toolServer';
import { SessionDirectory } from './context';
import { LineTransport } from './lineTransport';
import { BRIDGE_INSTRUCTIONS, createBridgeServer } from './server';
import { bridgeTools } from './tools/index';
import { Upstream, upstreamFromEnv } from './upstream';

export interface BridgeStartOptions {
  env: NodeJS.ProcessEnv;
  /** dist/engine.js, to start a local engine. */
  engineScript: string;
  url?: string | undefined;
  dataDir?: string | undefined;
  /** Offer only the tools that read. */
  readOnly?: boolean;
  write(message: JSONRPCMessage): void;
  log(line: string): void;
}

export interface RunningBridge {
  receive(raw: unknown): void;
  close(): Promise<void>;
}

export async function startBridge(o: BridgeStartOptions): Promise<RunningBridge> {
  const secrets: string[] = [];
  const log = (line: string) => o.log(redactSecrets(line, secrets));
  const config = upstreamFromEnv(o.env, o.engineScript, log, { url: o.url, dataDir: o.dataDir });
  if (config.token) {
    secrets.push(config.token);
  }
  const readToken = config.readToken;
  if (readToken) {
    config.readToken = () => {
      const token = readToken();
      if (token) {
        secrets.push(token);
      }
      return token;
    };
  }
  const upstream = new Upstream(config);
  const waitSeconds = Number(o.env.BILT_WAIT_TIMEOUT);
  const waitTimeoutMs = Number.isFinite(waitSeconds) && waitSeconds > 0 ? waitSeconds * 1000 : LIMITS.waitTimeoutMs;
  const server = createBridgeServer(upstream, { waitTimeoutMs, log, readOnly: o.readOnly ?? false });
  const transport = new LineTransport(o.write);
  transport.onerror = (e) => log(e.message);
  await server.connect(transport);
  // connect upstream now, so the first tool call does not wait for it
  void upstream
    .client()
    .catch((e: unknown) => log(`upstream not ready yet: ${e instanceof Error ? e.message : String(e)}`));
  return {
    receive: (raw) => transport.receive(raw),
    close: async () => {
      await Promise.allSettled([server.close(), upstream.reset()]);
    },
  };
}

/** What the stdio front answers by itself (generated into dist/bridge-tools.json at build time). */
export function describeBridge() {
  const tools = new ToolSet(
    bridgeTools({
      client: () => Promise.reject(new Error('describe only')),
      sessions: new SessionDirectory(),
      waitTimeoutMs: 0,
      reconnects: false,
      reset: async () => undefined,
      log: () => undefined,
    }),
  );
  return {
    serverInfo: { name: 'bilt', version: VERSION },
    capabilities: { tools: { listChanged: false } },
    instructions: BRIDGE_INSTRUCTIONS,
    protocolVersions: [...SUPPORTED_PROTOCOL_VERSIONS],
    tools: tools.listed,
  };
}
