/** Add a Bilt-compatible server by URL (with an optional label), then sign in to it. */
import * as vscode from 'vscode';
import { BiltError } from '../../core/errors';
import { serverUrlInput } from '../../present/inputs';
import { labelFor, normalizeUrl, saveRemoteServers } from '../config';
import { COMMANDS } from '../ids';
import type { CommandDeps } from './deps';
import { registerCommand } from './run';
import { askServerUrl, signInTo } from './signIn';

interface Given {
  url: string;
  label?: string;
  token?: string;
}

export const registerAddServer = (deps: CommandDeps) =>
  registerCommand(COMMANDS.addServer, 'add the server', deps.log, async (given?: unknown) => {
    const remote = deps.settings().remote;
    const g =
      given && typeof given === 'object' && typeof (given as Given).url === 'string' ? (given as Given) : undefined;
    let url: string;
    let label: string | undefined;
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
    }
    const server = { url, label: label?.trim() || labelFor(url) };
    await saveRemoteServers([...remote, server]);
    deps.log.info(`added server ${url}`);
    return signInTo(deps, server, g?.token);
  });
