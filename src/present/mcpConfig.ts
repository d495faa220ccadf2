/**
 * The configuration a user pastes into an MCP client outside VS Code (Claude Desktop, Cursor): the
 * bundled bridge run by `node`, and never a token (docs/BRIDGE.md): the local engine needs none, a
 * remote server gets BILT_URL and a BILT_TOKEN_COMMAND the user fills in.
 */
export interface McpConfigInput {
  /** Absolute path of dist/bridge.js. */
  bridgePath: string;
  server: { kind: 'local' | 'remote'; url?: string | undefined };
  /** The local engine's data dir when it is not the default. */
  dataDir?: string | undefined;
  /** process.platform: picks the example token command. */
  platform: string;
}

export interface McpServerEntry {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

const LIVE_URL = 'https://mcp.bilt.me/mcp';

/** The secret-store name the examples use: `bilt` for the live service, `bilt-<host>` elsewhere. */
export function tokenService(url: string | undefined): string {
  if (!url || url.replace(/\/+$/, '') === LIVE_URL) {
    return 'bilt';
  }
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    host = url;
  }
  return `bilt-${host.replace(/[^A-Za-z0-9.-]+/g, '-')}`;
}

/** A command that prints the token from the platform's secret store (the user stores it once, see tokenSetupHint). */
export function tokenCommand(platform: string, service: string): string {
  if (platform === 'darwin') {
    return `security find-generic-password -w -s ${service}`;
  }
  if (platform === 'win32') {
    return `REPLACE with a command that prints your ${service} token`;
  }
  return `secret-tool lookup service ${service}`;
}

/** How to store the token once for tokenCommand, or undefined when there is no standard way. */
export function tokenSetupHint(platform: string, service: string): string | undefined {
  if (platform === 'darwin') {
    return `security add-generic-password -s ${service} -a "$USER" -w`;
  }
  if (platform === 'win32') {
    return undefined;
  }
  return `secret-tool store --label=Bilt service ${service}`;
}

/** The server's key in `mcpServers`. */
export const mcpServerName = (i: McpConfigInput) => (i.server.kind === 'local' ? 'bilt' : tokenService(i.server.url));

export function mcpServerEntry(i: McpConfigInput): McpServerEntry {
  const env: Record<string, string> = {};
  if (i.server.kind === 'local') {
    if (i.dataDir) {
      env.BILT_ENGINE_DATA_DIR = i.dataDir;
    }
  } else {
    env.BILT_URL = i.server.url ?? LIVE_URL;
    env.BILT_TOKEN_COMMAND = tokenCommand(i.platform, tokenService(i.server.url));
  }
  return { command: 'node', args: [i.bridgePath], ...(Object.keys(env).length ? { env } : {}) };
}

/** `{"mcpServers": {"bilt": {...}}}`, pretty-printed. */
export function mcpConfigJson(i: McpConfigInput): string {
  return JSON.stringify({ mcpServers: { [mcpServerName(i)]: mcpServerEntry(i) } }, null, 2) + '\n';
}
