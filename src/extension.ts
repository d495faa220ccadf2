/**
 * Entry point of the VS Code extension: a table of contents. It builds the shared store (one cache
 * for the tree, the status bar, notifications, commands and agent tools), then registers each part.
 * Activation does only that: the client, zod and the MCP SDK are in dist/extension-deferred.js, loaded
 * when the store first contacts a server, after activate() has returned (docs/PERFORMANCE.md).
 */
import * as vscode from 'vscode';
import { BiltStore } from './api/store/biltStore';
import { activationClock, describeActivation, type ActivationTime } from './ui/activationTime';
import { registerCommands } from './ui/commands/index';
import { Composer } from './ui/compose';
import type { CommandDeps } from './ui/commands/deps';
import { onSettingsChange, readSettings, serverConfigs } from './ui/config';
import { registerChatParticipant } from './ui/chat/participant';
import { ChatRecorder } from './ui/chat/record';
import { registerAgentTools } from './ui/lmTools/index';
import { WorkspaceLinks } from './ui/links';
import { createLogger } from './ui/logging';
import { registerMcpProvider } from './ui/mcpProvider';
import { createNotifications } from './ui/notifications';
import { persistCache, restoreCache } from './ui/persistence';
import { registerAuthProvider } from './ui/servers/authProvider';
import { createConnector } from './ui/servers/connector';
import { RemoteNetwork } from './ui/servers/network';
import { Tokens } from './ui/servers/tokens';
import { WorkspaceAccount } from './ui/servers/workspaceAccount';
import { SessionLogs } from './ui/sessionLogs';
import { createStatusBar } from './ui/statusBar';
import { Personal } from './ui/personal';
import { createPublicApi, type BiltApi } from './ui/publicApi';
import { registerTranscripts } from './ui/transcript/index';
import { revealProject } from './ui/tree/reveal';
import { SessionsView } from './ui/tree/view';

/** The entry module is evaluated last: the bundle has loaded. */
const moduleEnd = performance.now();

/**
 * What `activate()` returns: the public API, version 1 (src/ui/publicApi.ts, documented in the README),
 * and, beside it, the parts the real-VS-Code tests look into (not part of the versioned API).
 */
export interface BiltExtensionApi extends BiltApi {
  /** The shared store (for the tests). */
  store: BiltStore;
  /** The Sessions view (its tree provider gives the rows as VS Code shows them). */
  view: SessionsView;
  /** The live session logs (onDidAppend reports what they write). */
  logs: SessionLogs;
  /** Multi-line message drafts. */
  composer: Composer;
  /** What each `@bilt` chat turn streamed (onDidRespond), as text. */
  chat: ChatRecorder;
  /** How long loading and activating took (also in the Bilt log). */
  activation: ActivationTime;
  /** The account (remote server) this workspace uses. */
  account: WorkspaceAccount;
}

export function activate(context: vscode.ExtensionContext): BiltExtensionApi {
  const activated = activationClock(moduleEnd);
  const log = createLogger(context);
  let settings = readSettings();
  const tokens = new Tokens(context.secrets);
  const network = new RemoteNetwork(log);
  const store = new BiltStore({
    connect: createConnector({ context, tokens, settings: () => settings, log, network }),
    activeMs: settings.activeMs,
    idleMs: settings.idleMs,
    log: (l) => log.info(l),
  });
  restoreCache(context, store);
  store.setServers(serverConfigs(settings));

  const personal = new Personal(context);
  const view = new SessionsView(store, personal);
  const logs = new SessionLogs(store, { recentMessages: () => settings.recentMessages, log });
  const composer = new Composer();
  const chat = new ChatRecorder();
  const links = new WorkspaceLinks(context.workspaceState, log);
  const account = new WorkspaceAccount(context.workspaceState);
  const actions = { store, links, account };
  const publicApi = createPublicApi(store, actions);
  const deps: CommandDeps = {
    context,
    store,
    actions,
    view,
    personal,
    logs,
    composer,
    tokens,
    account,
    settings: () => settings,
    log,
  };

  context.subscriptions.push(
    tokens,
    network,
    links,
    publicApi.disposable,
    // a link that changes on disk (a branch switch, a teammate's commit) moves the tree's focus to it
    links.onDidChange((link) => link && revealProject(store, view, link)),
    { dispose: () => store.dispose() },
    view,
    logs,
    composer,
    persistCache(context, store),
    personal,
    createStatusBar(store, personal),
    createNotifications(store, { settings: () => settings, viewVisible: () => view.tree.visible, personal }),
    ...registerCommands(deps),
    registerAuthProvider(deps),
    ...registerTranscripts(deps),
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
    // a proxy or certificate setting changed: remote servers connect again through it
    network.reconnectOnChange(store),
  );
  // the store connects after this returns (the connector waits a turn, then loads the client: see connector.ts)
  const activation = activated();
  const version = context.extension.packageJSON.version as string;
  log.info(`Bilt ${version} activated ${describeActivation(activation)} (${serverConfigs(settings).length} server(s))`);
  return { ...publicApi.api, store, view, logs, composer, chat, activation, account };
}

export function deactivate(): void {}
