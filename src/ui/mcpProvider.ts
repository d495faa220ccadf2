/**
 * Registers the bundled MCP bridge with VS Code (agent mode and any MCP-aware chat get the Bilt tools
 * with no set-up). One definition per configured server, run with VS Code's own runtime. The token
 * goes in only at resolve time, from SecretStorage, through the environment; a change of servers or
 * tokens fires onDidChange so VS Code picks up the new definition.
 */
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { ServerConfig } from '../api/store/types';
import { serverConfigs, type Settings } from './config';
import { MCP_PROVIDER_ID, TOOL_SETS } from './ids';
import type { Logger } from './logging';
import type { Tokens } from './servers/tokens';

const SERVER_ID = Symbol('bilt.serverId');
type Definition = vscode.McpStdioServerDefinition & { [SERVER_ID]?: string };

export function registerMcpProvider(o: {
  context: vscode.ExtensionContext;
  tokens: Tokens;
  settings: () => Settings;
  log: Logger;
}): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  let generation = 0;
  const bump = () => {
    generation++;
    changed.fire();
  };
  const definitionFor = (server: ServerConfig, s: Settings): Definition => {
    const env: Record<string, string> = { ELECTRON_RUN_AS_NODE: '1' };
    if (s.agentReadOnly) {
      env.BILT_READ_ONLY = '1';
    }
    if (server.kind === 'remote') {
      env.BILT_URL = server.url!;
    }
    const dataDir = s.localDataDir ?? process.env.BILT_ENGINE_DATA_DIR;
    if (server.kind === 'local' && dataDir) {
      env.BILT_ENGINE_DATA_DIR = dataDir;
    }
    const label = server.kind === 'local' ? 'Bilt' : `Bilt (${server.label})`;
    const version = createHash('sha256')
      .update(
        `${o.context.extension.packageJSON.version as string}|${server.url ?? 'local'}|${s.agentReadOnly}|${generation}`,
      )
      .digest('hex')
      .slice(0, 12);
    const def: Definition = new vscode.McpStdioServerDefinition(
      label,
      process.execPath,
      [o.context.asAbsolutePath('dist/bridge.js')],
      env,
      version,
    );
    def[SERVER_ID] = server.id;
    return def;
  };
  const provider: vscode.McpServerDefinitionProvider<Definition> = {
    onDidChangeMcpServerDefinitions: changed.event,
    provideMcpServerDefinitions: () => {
      const s = o.settings();
      const offered = s.agentTools === TOOL_SETS.mcpServer || s.agentTools === TOOL_SETS.both;
      return offered ? serverConfigs(s).map((server) => definitionFor(server, s)) : [];
    },
    resolveMcpServerDefinition: async (def) => {
      const serverId = def[SERVER_ID];
      if (serverId && serverId !== 'local') {
        const token = await o.tokens.get(serverId);
        if (!token) {
          void vscode.window
            .showWarningMessage(`Bilt: sign in to ${def.label} so agents can use it.`, 'Sign In')
            .then((a) => a && vscode.commands.executeCommand('bilt.signIn', { serverId }));
          return undefined;
        }
        def.env = { ...def.env, BILT_TOKEN: token };
      }
      o.log.info(`starting the Bilt MCP server "${def.label}"`);
      return def;
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, provider),
    o.tokens.onDidChange(bump),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('bilt') && bump()),
  );
}
