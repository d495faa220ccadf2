/** Settings read into plain objects for the vscode-free parts; the only place that knows setting keys. */
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { SERVER_PROTOCOLS, type ServerConfig, type ServerProtocol } from '../api/store/types';
import type { NetworkOptions } from '../api/http/proxyFetch';
import { HTTP_SETTINGS, LIVE_BILT_URL, LOCAL_SERVER_ID, SETTINGS, TOOL_SETS, type ToolSet } from './ids';

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

/**
 * How remote servers are reached (src/api/http/proxyFetch.ts), from VS Code's network settings and
 * `bilt.network.caFile`: the proxy (`http.proxy`, else the environment's HTTPS_PROXY / HTTP_PROXY, as
 * VS Code does; none when `http.proxySupport` is off), `http.noProxy` (+ NO_PROXY), `http.proxyStrictSSL`,
 * `http.proxyAuthorization`, `http.systemCertificates`, and whether the extension host's global fetch is
 * VS Code's proxy-aware one (`http.fetchAdditionalSupport`). Read at each connection.
 */
export function readNetwork(env: NodeJS.ProcessEnv = process.env): Omit<NetworkOptions, 'hostFetch'> & {
  hostPatchesFetch: boolean;
} {
  const http = vscode.workspace.getConfiguration(HTTP_SETTINGS.section);
  const caFile = vscode.workspace
    .getConfiguration(SETTINGS.section)
    .get<string>(SETTINGS.networkCaFile)
    ?.trim()
    .replace(/^~(?=$|[\\/])/, homedir()); // `~/certs/ca.pem` as people write it
  const off = http.get<string>(HTTP_SETTINGS.proxySupport) === 'off';
  const fromEnv = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].find((k) => env[k]?.trim());
  const setting = http.get<string>(HTTP_SETTINGS.proxy)?.trim();
  const proxy = off
    ? undefined
    : setting
      ? { url: setting, source: 'http.proxy' }
      : fromEnv && { url: env[fromEnv]!, source: fromEnv };
  const noProxy = [
    ...(http.get<string[]>(HTTP_SETTINGS.noProxy) ?? []),
    ...(env['NO_PROXY'] ?? env['no_proxy'] ?? '').split(','),
  ].filter((e) => typeof e === 'string' && e.trim());
  return {
    proxy: proxy ? proxy.url : undefined,
    proxySource: proxy ? proxy.source : undefined,
    noProxyReason: off ? 'http.proxySupport off' : undefined,
    proxyAuthorization: http.get<string>(HTTP_SETTINGS.proxyAuthorization) || undefined,
    noProxy,
    strictSSL: http.get<boolean>(HTTP_SETTINGS.proxyStrictSSL, true),
    caFiles: caFile ? [caFile] : [],
    systemCerts: http.get<boolean>(HTTP_SETTINGS.systemCertificates, true),
    // VS Code (1.139) patches the extension host's fetch unless this is off; older hosts lack the setting
    hostPatchesFetch: http.get<boolean>(HTTP_SETTINGS.fetchAdditionalSupport) === true,
  };
}

/** VS Code's network settings or `bilt.network.*` changed. */
export const onNetworkSettingsChange = (listener: () => void): vscode.Disposable =>
  vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(HTTP_SETTINGS.section) || e.affectsConfiguration(`${SETTINGS.section}.network`)) {
      listener();
    }
  });

export const onSettingsChange = (listener: () => void): vscode.Disposable =>
  vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SETTINGS.section)) {
      listener();
    }
  });
