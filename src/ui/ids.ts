/** Every command id, view id, context key, setting key, secret key and URI scheme of the extension, written once. */
export const COMMANDS = {
  signIn: 'bilt.signIn',
  signOut: 'bilt.signOut',
  chooseAccount: 'bilt.chooseAccount',
  addServer: 'bilt.addServer',
  removeServer: 'bilt.removeServer',
  enableLocalEngine: 'bilt.enableLocalEngine',
  restartLocalEngine: 'bilt.restartLocalEngine',
  refresh: 'bilt.refresh',
  createProject: 'bilt.createProject',
  sendMessage: 'bilt.sendMessage',
  cancelWorkflow: 'bilt.cancelWorkflow',
  resumeWorkflow: 'bilt.resumeWorkflow',
  pauseWorkflow: 'bilt.pauseWorkflow',
  deleteSession: 'bilt.deleteSession',
  answerQuestions: 'bilt.answerQuestions',
  showSessionLog: 'bilt.showSessionLog',
  exportTranscript: 'bilt.exportTranscript',
  openTranscript: 'bilt.openTranscript',
  copyId: 'bilt.copyId',
  openInBrowser: 'bilt.openInBrowser',
  linkWorkspace: 'bilt.linkWorkspace',
  copyMcpConfig: 'bilt.copyMcpConfig',
  filter: 'bilt.filter',
  clearFilter: 'bilt.clearFilter',
  showWorkflows: 'bilt.showWorkflows',
  showLogs: 'bilt.showLogs',
  reportProblem: 'bilt.reportProblem',
  sendToBilt: 'bilt.sendToBilt',
  watchProject: 'bilt.watchProject',
  muteProject: 'bilt.muteProject',
  notifyDefault: 'bilt.notifyDefault',
  markAllRead: 'bilt.markAllRead',
  hideFinished: 'bilt.hideFinished',
  showFinished: 'bilt.showFinished',
} as const;

export const VIEW_CONTAINER = 'bilt';
export const VIEWS = { sessions: 'bilt.sessions' } as const;

export const CONTEXT = {
  /** loading | noServers | signedOut | unreachable | noProjects | ready (drives the welcome views). */
  state: 'bilt.state',
  filtered: 'bilt.filtered',
  hasRemoteServers: 'bilt.hasRemoteServers',
  /** The active editor holds a message being composed for Bilt. */
  composing: 'bilt.composing',
  /** The tree hides finished work. */
  hidingFinished: 'bilt.hidingFinished',
} as const;

export const SETTINGS = {
  section: 'bilt',
  localEnabled: 'localEngine.enabled',
  localDataDir: 'localEngine.dataDir',
  localAgent: 'localEngine.agent',
  localAgentCommand: 'localEngine.agentCommand',
  localScenario: 'localEngine.scenario',
  localSpeed: 'localEngine.speed',
  servers: 'servers',
  activeSeconds: 'refresh.activeSeconds',
  idleSeconds: 'refresh.idleSeconds',
  notifications: 'notifications',
  recentMessages: 'log.recentMessages',
  agentTools: 'agent.tools',
  agentReadOnly: 'agent.readOnly',
  networkCaFile: 'network.caFile',
} as const;

/** VS Code's own network settings the client honours for remote servers (src/ui/config.ts readNetwork). */
export const HTTP_SETTINGS = {
  section: 'http',
  proxy: 'proxy',
  noProxy: 'noProxy',
  proxyStrictSSL: 'proxyStrictSSL',
  proxyAuthorization: 'proxyAuthorization',
  proxySupport: 'proxySupport',
  systemCertificates: 'systemCertificates',
  fetchAdditionalSupport: 'fetchAdditionalSupport',
} as const;

/** Values of bilt.agent.tools: which Bilt tool set agents are offered. */
export const TOOL_SETS = {
  languageModelTools: 'languageModelTools',
  mcpServer: 'mcpServer',
  both: 'both',
  none: 'none',
} as const;
export type ToolSet = (typeof TOOL_SETS)[keyof typeof TOOL_SETS];

/** The URI scheme of live transcript documents (`bilt-transcript:/<project name>.md?server=…&project=…&session=…`). */
export const TRANSCRIPT_SCHEME = 'bilt-transcript';
export const MCP_PROVIDER_ID = 'bilt.mcp';
export const CHAT_PARTICIPANT_ID = 'bilt.participant';
export const LOCAL_SERVER_ID = 'local';
/** The authentication provider (the Accounts menu): one account per remote server. */
export const AUTH_PROVIDER = { id: 'bilt', label: 'Bilt' } as const;
/** The scope that names a server's account: `server:<url>`. */
export const SERVER_SCOPE_PREFIX = 'server:';
export const LIVE_BILT_URL = 'https://mcp.bilt.me/mcp';

/** SecretStorage key of a server's token. */
export const tokenKey = (serverId: string) => `bilt.token.${serverId}`;

/** globalState keys. */
export const STATE = {
  cache: 'bilt.cache.v1',
  /** workspaceState: the project this workspace is linked to ({serverId, projectId}). */
  linkedProject: 'bilt.linkedProject',
  /** globalState: each project's notification level (watch, mute; default when absent). */
  notifyLevels: 'bilt.notifyLevels.v1',
  /** globalState: each session's seen mark (its last ended workflow the person has looked at). */
  seen: 'bilt.seen.v1',
  /** workspaceState: the tree hides finished work (completed or cancelled, and read). */
  hideFinished: 'bilt.hideFinished',
  /** workspaceState: the server whose account this workspace uses (its id, a remote server's URL). */
  workspaceAccount: 'bilt.workspaceAccount',
} as const;
