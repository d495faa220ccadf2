/**
 * Entry point of dist/bridge.js: the stdio front of the Bilt MCP bridge. It is deliberately tiny (node
 * built-ins only) so an agent's client gets initialize and tools/list answered at Node's start-up
 * speed, from the tool descriptions generated at build time (dist/bridge-tools.json). Every other
 * request loads the full server (dist/bridge-server.js: the SDK, the tools, the upstream client),
 * which then receives the whole session, starting with a replay of initialize. Warm-up starts right
 * after tools/list. Logs go to stderr only; stdout carries the protocol.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RunningBridge } from './mcp/bridge/main';

type Message = { jsonrpc: '2.0'; id?: string | number; method?: string; params?: { protocolVersion?: string } };

const HELP = `Usage: bilt-bridge [--url URL] [--data-dir DIR] [--read-only]
A stdio MCP server with the Bilt tools. Environment: BILT_URL (e.g. https://mcp.bilt.me/mcp); the token from
BILT_TOKEN, BILT_TOKEN_FILE or BILT_TOKEN_COMMAND (never an argument); BILT_ENGINE_DATA_DIR; BILT_WAIT_TIMEOUT
(seconds, default 300). Without BILT_URL it uses the local engine, starting it if none runs. --read-only (or
BILT_READ_ONLY=1) offers only the tools that read.`;
const REPLAY_ID = 'bilt-bridge-replayed-initialize';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    'data-dir': { type: 'string' },
    'read-only': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean' },
  },
});
const described = JSON.parse(readFileSync(path.join(__dirname, 'bridge-tools.json'), 'utf8')) as {
  serverInfo: { name: string; version: string };
  capabilities: object;
  instructions: string;
  protocolVersions: string[];
  tools: Array<{ annotations?: { readOnlyHint?: boolean } }>;
};
const readOnly = values['read-only'] === true || process.env.BILT_READ_ONLY === '1';
/** In read-only mode only the tools that read are offered (the full server serves the same subset). */
const tools = described.tools.filter((t) => !readOnly || t.annotations?.readOnlyHint === true);
const log = (line: string) => process.stderr.write(`[bilt-bridge] ${line}\n`);
const write = (m: object) => process.stdout.write(JSON.stringify(m) + '\n');

let initialize: Message | undefined;
let full: Promise<RunningBridge> | undefined;
const pending: Message[] = [];

function loadFull(): Promise<RunningBridge> {
  full ??= (async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on demand, by path, from the other bundle
    const { startBridge } = require(path.join(__dirname, 'bridge-server.js')) as typeof import('./mcp/bridge/main');
    const bridge = await startBridge({
      env: process.env,
      engineScript: path.join(__dirname, 'engine.js'),
      url: values.url,
      dataDir: values['data-dir'],
      readOnly,
      write: (m) => {
        if ((m as Message).id !== REPLAY_ID) {
          write(m);
        }
      },
      log,
    });
    if (initialize) {
      bridge.receive({ ...initialize, id: REPLAY_ID });
      bridge.receive({ jsonrpc: '2.0', method: 'notifications/initialized' });
    }
    for (const m of pending.splice(0)) {
      bridge.receive(m);
    }
    return bridge;
  })();
  full.catch((e: unknown) => {
    log(`cannot start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  });
  return full;
}

function handle(m: Message): void {
  if (full) {
    void full.then((b) => b.receive(m));
    return;
  }
  switch (m.method) {
    case 'initialize': {
      initialize = m;
      const asked = m.params?.protocolVersion;
      const protocolVersion =
        asked && described.protocolVersions.includes(asked) ? asked : described.protocolVersions[0];
      write({
        jsonrpc: '2.0',
        id: m.id,
        result: {
          protocolVersion,
          capabilities: described.capabilities,
          serverInfo: described.serverInfo,
          instructions: described.instructions,
        },
      });
      return;
    }
    case 'notifications/initialized':
      return;
    case 'tools/list':
      write({ jsonrpc: '2.0', id: m.id, result: { tools } });
      setImmediate(() => void loadFull()); // warm up now that the client has what it needed first
      return;
    case 'ping':
      write({ jsonrpc: '2.0', id: m.id, result: {} });
      return;
    default:
      pending.push(m);
      void loadFull();
  }
}

function main(): void {
  if (values.help || values.version) {
    process.stderr.write(`${values.help ? HELP : described.serverInfo.version}\n`);
    return;
  }
  let buffer = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk: string) => {
    buffer += chunk;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      const line = buffer.slice(0, nl).replace(/\r$/, '');
      buffer = buffer.slice(nl + 1);
      if (!line.trim()) {
        continue;
      }
      try {
        handle(JSON.parse(line) as Message);
      } catch {
        write({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
      }
    }
  });
  let closing = false;
  const shutdown = () => {
    if (closing) {
      return;
    }
    closing = true;
    void (full ?? Promise.resolve(undefined)).then((b) => b?.close()).finally(() => process.exit(0));
  };
  process.stdin.on('end', shutdown);
  process.stdout.on('error', shutdown); // the client went away (EPIPE)
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main();
