/**
 * Entry point of the VS Code extension: a table of contents. It builds the shared store (one cache
 * for the tree, the status bar, notifications, commands and agent tools), then registers each part.
 */
import * as vscode from 'vscode';
import { BiltStore } from './api/store/biltStore';
import { registerCommands } from './ui/commands/index';
import { Composer } from './ui/compose';
import type { CommandDeps } from './ui/commands/deps';
import { onSettingsChange, readSettings, serverConfigs } from './ui/config';
import { registerChatParticipant } from './ui/chat/participant';
import { ChatRecorder } from './ui/chat/record';
import { registerAgentTools } from './ui/lmTools/index';
import { workspaceLinks } from './ui/links';
import { createLogger } from './ui/logging';
import { registerMcpProvider } from './ui/mcpProvider';
import { createNotifications } from './ui/notifications';
import { persistCache, restoreCache } from './ui/persistence';
import { createConnector } from './ui/servers/connector';
import { Tokens } from './ui/servers/tokens';
import { SessionLogs } from './ui/sessionLogs';
import { createStatusBar } from './ui/statusBar';
import { SessionsView } from './ui/tree/view';

export interface BiltExtensionApi {
  /** The shared store (for tests and other extensions that want Bilt's state). */
  store: BiltStore;
  /** The Sessions view (its tree provider gives the rows as VS Code shows them). */
  view: SessionsView;
  /** The live session logs (onDidAppend reports what they write). */
  logs: SessionLogs;
  /** Multi-line message drafts. */
  composer: Composer;
  /** What each `@bilt` chat turn streamed (onDidRespond), as text. */
  chat: ChatRecorder;
}

export function activate(context: vscode.ExtensionContext): BiltExtensionApi {
  const log = createLogger(context);
  let settings = readSettings();
  const tokens = new Tokens(context.secrets);
  const store = new BiltStore({
    connect: createConnector({ context, tokens, settings: () => settings, log }),
    activeMs: settings.activeMs,
    idleMs: settings.idleMs,
    log: (l) => log.info(l),
  });
  restoreCache(context, store);
  store.setServers(serverConfigs(settings));

  const view = new SessionsView(store);
  const logs = new SessionLogs(store, { recentMessages: () => settings.recentMessages, log });
  const composer = new Composer();
  const chat = new ChatRecorder();
  const actions = { store, links: workspaceLinks(context.workspaceState) };
  const deps: CommandDeps = { context, store, actions, view, logs, composer, tokens, settings: () => settings, log };

  context.subscriptions.push(
    tokens,
    { dispose: () => store.dispose() },
    view,
    logs,
    composer,
    persistCache(context, store),
    createStatusBar(store),
    createNotifications(store, { settings: () => settings, viewVisible: () => view.tree.visible }),
    ...registerCommands(deps),
    // read at call time: VS Code may ask for definitions while a settings change is still being announced
    registerMcpProvider({ context, tokens, settings: readSettings, log }),
    ...registerAgentTools({ actions, readOnly: () => settings.agentReadOnly }),
    chat,
    registerChatParticipant(deps, chat),
    onSettingsChange(() => {
      settings = readSettings();
      store.setServers(serverConfigs(settings));
    }),
    // signing in or out in any window refreshes that server here too
    tokens.onDidChange((serverId) => void store.refresh(serverId)),
  );
  log.info(
    `Bilt ${context.extension.packageJSON.version as string} activated (${serverConfigs(settings).length} server(s))`,
  );
  return { store, view, logs, composer, chat };
}

export function deactivate(): void {}
