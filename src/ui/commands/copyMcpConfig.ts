/**
 * Copy the configuration that gives another MCP client (Claude Desktop, Cursor…) the Bilt tools
 * through the bundled bridge. It never holds a token: the local engine needs none, a remote server
 * reads it through BILT_TOKEN_COMMAND (docs/BRIDGE.md).
 */
import * as vscode from 'vscode';
import { mcpConfigJson, tokenService, tokenSetupHint } from '../../present/mcpConfig';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { pickServer } from './pick';
import { registerCommand } from './run';

export const registerCopyMcpConfig = (deps: CommandDeps) =>
  registerCommand(COMMANDS.copyMcpConfig, 'copy the MCP configuration', deps.log, async (arg) => {
    const s = await pickServer(deps, arg, () => true, 'Which server should the other MCP client use?');
    const local = s.server.kind === 'local';
    const json = mcpConfigJson({
      bridgePath: deps.context.asAbsolutePath('dist/bridge.js'),
      server: { kind: s.server.kind, url: s.server.url },
      dataDir: local ? (deps.settings().localDataDir ?? process.env.BILT_ENGINE_DATA_DIR) : undefined,
      platform: process.platform,
    });
    await vscode.env.clipboard.writeText(json);
    const where =
      'Paste it into claude_desktop_config.json (Claude Desktop), ~/.cursor/mcp.json (Cursor) or your client\'s MCP settings; "node" must be Node 20 or later.';
    let token = 'It needs no token: the bridge finds the local engine on this machine.';
    if (!local) {
      const hint = tokenSetupHint(process.platform, tokenService(s.server.url));
      token = `The token is not included: BILT_TOKEN_COMMAND reads it from your keychain${hint ? ` (store it once with: ${hint})` : '; replace the placeholder with a command that prints it'}, or use BILT_TOKEN_FILE.`;
    }
    void vscode.window.showInformationMessage(`Copied the MCP configuration for ${s.server.label}. ${where} ${token}`);
    return json;
  });
