/**
 * Entry point of dist/bridge.js: a stdio MCP server exposing the 8 Bilt seed tools to any agent.
 * Upstream: BILT_URL + BILT_TOKEN, else the local engine (found or started). Logs go to stderr only,
 * with secrets redacted; stdout carries the protocol.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { LIMITS } from './core/limits';
import { redactSecrets } from './core/redact';
import { VERSION } from './core/version';
import { createBridgeServer } from './mcp/bridge/server';
import { Upstream, upstreamFromEnv } from './mcp/bridge/upstream';

const HELP = `Usage: bilt-bridge [--url URL] [--data-dir DIR]
A stdio MCP server with the Bilt tools. Environment: BILT_URL (e.g. https://mcp.bilt.me/mcp), BILT_TOKEN
(never pass the token as an argument), BILT_ENGINE_DATA_DIR, BILT_WAIT_TIMEOUT (seconds, default 300).
Without BILT_URL it uses the local engine, starting it if none runs.`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { url: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } } });
  if (values.help || values.version) {
    process.stderr.write(`${values.help ? HELP : VERSION}\n`);
    return;
  }
  const secrets = [process.env.BILT_TOKEN ?? ''].filter(Boolean);
  const log = (line: string) => process.stderr.write(`[bilt-bridge] ${redactSecrets(line, secrets)}\n`);
  const upstream = new Upstream(upstreamFromEnv(process.env, path.join(__dirname, 'engine.js'), log, { url: values.url, dataDir: values['data-dir'] }));
  const waitSeconds = Number(process.env.BILT_WAIT_TIMEOUT);
  const waitTimeoutMs = Number.isFinite(waitSeconds) && waitSeconds > 0 ? waitSeconds * 1000 : LIMITS.waitTimeoutMs;
  const server = createBridgeServer(upstream, { waitTimeoutMs, log });
  // connect upstream in the background once the client is there, so the first tool call is quick
  server.oninitialized = () => void upstream.client().catch((e: unknown) => log(`upstream not ready yet: ${e instanceof Error ? e.message : String(e)}`));
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    void Promise.allSettled([server.close(), upstream.reset()]).then(() => process.exit(0));
  };
  process.stdin.on('end', shutdown);
  process.stdout.on('error', shutdown); // the client went away (EPIPE)
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await server.connect(new StdioServerTransport());
}

main().catch((e: unknown) => {
  process.stderr.write(`[bilt-bridge] ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
