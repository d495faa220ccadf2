/**
 * "Bilt: Report a Problem…": the versions, the settings (no secrets), each server with what it speaks and
 * whether it pushes, the local engine's status and the last log lines, every token redacted, opened as
 * an untitled document a person reads before sharing (src/present/diagnostics.ts writes it).
 */
import * as vscode from 'vscode';
import { defaultDataDir, readDiscovery } from '../../api/local/discovery';
import { problemReport, type ServerFacts } from '../../present/diagnostics';
import { COMMANDS, SETTINGS } from '../ids';
import type { CommandDeps } from './deps';
import { registerCommand } from './run';

async function engineFacts(deps: CommandDeps, secrets: string[]): Promise<Record<string, unknown> | string> {
  const dataDir = deps.settings().localDataDir ?? defaultDataDir();
  const found = await readDiscovery(dataDir);
  if (!found) {
    return `Not running (no discovery file in ${dataDir}).`;
  }
  secrets.push(found.token);
  try {
    const res = await fetch(`${found.url}/engine/info`, {
      headers: { authorization: `Bearer ${found.token}` },
      signal: AbortSignal.timeout(3000),
    });
    return res.ok
      ? ((await res.json()) as Record<string, unknown>)
      : `Its discovery file names pid ${found.pid}, which answers HTTP ${res.status}.`;
  } catch (e) {
    return `Its discovery file names pid ${found.pid} at ${found.url}, which does not answer (${e instanceof Error ? e.message : String(e)}).`;
  }
}

async function serverFacts(deps: CommandDeps, secrets: string[]): Promise<ServerFacts[]> {
  return Promise.all(
    deps.store.snapshots().map(async (s) => {
      const token = s.server.kind === 'remote' ? await deps.tokens.get(s.server.id) : undefined;
      if (token) {
        secrets.push(token);
      }
      const speaks = s.status.state === 'ready' ? (await deps.store.client(s.server.id)).backend.kind : undefined;
      return {
        label: s.server.label,
        kind: s.server.kind,
        url: s.server.url,
        speaks,
        live: s.live,
        state: s.status.state,
        projects: s.projects?.length,
        missing: s.capabilities?.missing,
      };
    }),
  );
}

export const registerReportProblem = (deps: CommandDeps) =>
  registerCommand(COMMANDS.reportProblem, 'write the problem report', deps.log, async () => {
    const manifest = deps.context.extension.packageJSON as {
      version: string;
      contributes: { configuration: { properties: Record<string, unknown> } };
    };
    const config = vscode.workspace.getConfiguration(SETTINGS.section);
    const settings = Object.fromEntries(
      Object.keys(manifest.contributes.configuration.properties).map((key) => [
        key,
        config.get(key.slice(SETTINGS.section.length + 1)),
      ]),
    );
    const secrets: string[] = [];
    const [servers, engine] = await Promise.all([serverFacts(deps, secrets), engineFacts(deps, secrets)]);
    const text = problemReport({
      extension: manifest.version,
      vscode: vscode.version,
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      settings,
      servers,
      engine,
      logLines: deps.log.recent().slice(-100),
      secrets,
    });
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(doc);
    return text;
  });
