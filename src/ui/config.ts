/** Settings read into plain objects for the vscode-free parts; the only place that knows setting keys. */
import * as vscode from 'vscode';
import { SERVER_PROTOCOLS, type ServerConfig, type ServerProtocol } from '../api/store/types';
import { LIVE_BILT_URL, LOCAL_SERVER_ID, SETTINGS, TOOL_SETS, type ToolSet } from './ids';

export interface Settings {
  localEnabled: boolean;
  localDataDir: string | undefined;
  localAgent: string;
  localAgentCommand: string | undefined;
  localScenario: string | undefined;
  localSpeed: number;
  remote: RemoteServerSetting[];
  activeMs: number;
  idleMs: number;
  notifications: 'whenViewHidden' | 'always' | 'never';
  recentMessages: number;
  /** Which tool set agents see (bilt.agent.tools). */
  agentTools: ToolSet;
  /** Agents may only read (bilt.agent.readOnly). */
  agentReadOnly: boolean;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(SETTINGS.section);
  const remote = (c.get<Array<{ label?: string; url?: string; kind?: string }>>(SETTINGS.servers) ?? [])
    .filter(
      (s): s is { label?: string; url: string; kind?: string } =>
        typeof s?.url === 'string' && /^https?:\/\//.test(s.url),
    )
    .map((s) => ({
      url: normalizeUrl(s.url),
      label: s.label || labelFor(s.url),
      ...((SERVER_PROTOCOLS as readonly string[]).includes(s.kind ?? '') ? { kind: s.kind as ServerProtocol } : {}),
    }));
  return {
    localEnabled: c.get<boolean>(SETTINGS.localEnabled, true),
    localDataDir: c.get<string>(SETTINGS.localDataDir) || undefined,
    localAgent: c.get<string>(SETTINGS.localAgent, 'builder'),
    localAgentCommand: c.get<string>(SETTINGS.localAgentCommand) || undefined,
    localScenario: c.get<string>(SETTINGS.localScenario) || undefined,
    localSpeed: Math.max(0, c.get<number>(SETTINGS.localSpeed, 1)),
    remote,
    activeMs: Math.max(2, c.get<number>(SETTINGS.activeSeconds, 5)) * 1000,
    idleMs: Math.max(15, c.get<number>(SETTINGS.idleSeconds, 30)) * 1000,
    notifications: c.get(SETTINGS.notifications, 'whenViewHidden'),
    recentMessages: Math.max(0, c.get<number>(SETTINGS.recentMessages, 500)),
    agentTools: c.get<ToolSet>(SETTINGS.agentTools, TOOL_SETS.languageModelTools),
    agentReadOnly: c.get<boolean>(SETTINGS.agentReadOnly, false),
  };
}

/** A `bilt.servers` entry: `kind` says what it speaks (detected when absent). */
export interface RemoteServerSetting {
  label: string;
  url: string;
  kind?: ServerProtocol;
}

export const normalizeUrl = (url: string) => url.trim().replace(/\/+$/, '');
export const labelFor = (url: string) => (normalizeUrl(url) === LIVE_BILT_URL ? 'Bilt' : new URL(url).host);

export function serverConfigs(s: Settings): ServerConfig[] {
  return [
    ...(s.localEnabled ? [{ id: LOCAL_SERVER_ID, label: 'Local engine', kind: 'local' as const }] : []),
    ...s.remote.map((r) => ({ id: r.url, label: r.label, kind: 'remote' as const, url: r.url, protocol: r.kind })),
  ];
}

/** Adds or removes a remote server in the user's settings. */
export async function saveRemoteServers(servers: RemoteServerSetting[]): Promise<void> {
  await vscode.workspace
    .getConfiguration(SETTINGS.section)
    .update(SETTINGS.servers, servers, vscode.ConfigurationTarget.Global);
}

export const onSettingsChange = (listener: () => void): vscode.Disposable =>
  vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SETTINGS.section)) {
      listener();
    }
  });
