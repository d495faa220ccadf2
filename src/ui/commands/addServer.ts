/** Add a Bilt-compatible server or an agent gateway by URL (with an optional label and its kind), then sign in to it. */
import * as vscode from 'vscode';
import type { ServerProtocol } from '../../api/store/types';
import { BiltError } from '../../core/errors';
import { serverUrlInput } from '../../present/inputs';
import { labelFor, normalizeUrl, saveRemoteServers } from '../config';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { must, registerCommand } from './run';
import { askServerUrl, signInTo } from './signIn';

interface Given {
  url: string;
  label?: string;
  token?: string;
  kind?: ServerProtocol;
}

const KINDS = [
  { label: 'Detect', description: 'find out when connecting', protocol: undefined },
  { label: 'Bilt server', description: 'MCP: the live Bilt service or a compatible one', protocol: 'bilt' as const },
  { label: 'Agent gateway', description: 'Session API: GET/POST /api/sessions', protocol: 'session-api' as const },
];

export const registerAddServer = (deps: CommandDeps) =>
  registerCommand(COMMANDS.addServer, 'add the server', deps.log, async (given?: unknown) => {
    const remote = deps.settings().remote;
    const g =
      given && typeof given === 'object' && typeof (given as Given).url === 'string' ? (given as Given) : undefined;
    let url: string;
    let label: string | undefined;
    let kind: ServerProtocol | undefined = g?.kind;
    if (g) {
      const error = serverUrlInput(
        g.url,
        remote.map((r) => r.url),
      ).error;
      if (error) {
        throw new BiltError('invalid_input', error, { url: g.url });
      }
      url = normalizeUrl(g.url);
      label = g.label;
    } else {
      url = await askServerUrl(remote.map((r) => r.url));
      label = await vscode.window.showInputBox({
        title: 'Label (optional)',
        prompt: 'How the server is named in the Sessions view',
        placeHolder: labelFor(url),
        ignoreFocusOut: true,
      });
      if (label === undefined) {
        return undefined;
      }
      kind = must(
        await vscode.window.showQuickPick(KINDS, { title: 'What does it speak?', ignoreFocusOut: true }),
      ).protocol;
    }
    const server = { url, label: label?.trim() || labelFor(url), ...(kind ? { kind } : {}) };
    await saveRemoteServers([...remote, server]);
    deps.log.info(`added server ${url}`);
    return signInTo(deps, server, g?.token);
  });
