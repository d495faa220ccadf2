/**
 * Turning "whatever the command was invoked with" into the ids it acts on: a tree node gives them
 * directly; from the palette the user picks (quick picks list what the store already knows, so no
 * extra requests), with the workspace's linked project first.
 */
import * as vscode from 'vscode';
import type { SessionRef, SessionView } from '../../api/backend';
import type { ProjectEntry, ServerSnapshot } from '../../api/store/types';
import { BiltError } from '../../core/errors';
import { sessionWords } from '../../present/rows';
import { STATE } from '../ids';
import type { Target } from '../tree/nodes';
import { targetOf, type Node } from '../tree/nodes';
import type { CommandDeps } from './deps';
import { must } from './run';

export function asTarget(arg: unknown): Target | undefined {
  if (!arg || typeof arg !== 'object') {
    return undefined;
  }
  const a = arg as Partial<Node> & Partial<Target>;
  if (a.kind) {
    return targetOf(a as Node);
  }
  return typeof a.serverId === 'string' ? (a as Target) : undefined;
}

export async function pickServer(
  d: CommandDeps,
  arg: unknown,
  filter: (s: ServerSnapshot) => boolean = () => true,
  placeHolder = 'Which Bilt server?',
): Promise<ServerSnapshot> {
  const t = asTarget(arg);
  const all = d.store.snapshots().filter(filter);
  const given = t && all.find((s) => s.server.id === t.serverId);
  if (given) {
    return given;
  }
  if (all.length === 1) {
    return all[0]!;
  }
  if (all.length === 0) {
    throw new BiltError('unavailable', 'No Bilt server is available', {
      message: 'Sign in or enable the local engine first',
    });
  }
  const picked = await vscode.window.showQuickPick(
    all.map((s) => ({
      label: s.server.label,
      description: s.server.kind === 'local' ? 'local engine' : s.server.url,
      s,
    })),
    { placeHolder },
  );
  return must(picked).s;
}

export function linkedProject(d: CommandDeps): { serverId: string; projectId: string } | undefined {
  return d.context.workspaceState.get(STATE.linkedProject);
}

/** A project: from the node, else picked (linked project first, then most recently updated). */
export async function pickProject(
  d: CommandDeps,
  arg: unknown,
  placeHolder = 'Which project?',
): Promise<{ server: ServerSnapshot; entry: ProjectEntry }> {
  const t = asTarget(arg);
  if (t?.projectId) {
    const server = d.store.snapshot(t.serverId);
    const entry = server?.projects?.find((p) => p.project.id === t.projectId);
    if (server && entry) {
      return { server, entry };
    }
  }
  const linked = linkedProject(d);
  const now = Date.now();
  const items = d.store
    .snapshots()
    .filter((s) => !t || s.server.id === t.serverId)
    .flatMap((s) => (s.projects ?? []).map((entry) => ({ s, entry })))
    .sort(
      (a, b) =>
        Number(isLinked(b)) - Number(isLinked(a)) || b.entry.project.updatedAt.localeCompare(a.entry.project.updatedAt),
    )
    .map(({ s, entry }) => ({
      label: entry.project.name,
      description: [
        isLinked({ s, entry }) ? 'linked to this workspace' : undefined,
        entry.session ? sessionWords(entry.session, now) : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
      detail: d.store.snapshots().length > 1 ? s.server.label : undefined,
      s,
      entry,
    }));
  function isLinked(x: { s: ServerSnapshot; entry: ProjectEntry }) {
    return linked?.serverId === x.s.server.id && linked.projectId === x.entry.project.id;
  }
  if (items.length === 0) {
    throw new BiltError('not_found', 'There are no projects yet', {
      message: 'Create one with "Bilt: Create Project"',
    });
  }
  const picked =
    items.length === 1 && items[0]!.description.includes('linked')
      ? items[0]
      : await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true });
  const p = must(picked);
  return { server: p.s, entry: p.entry };
}

export interface ResolvedSession {
  serverId: string;
  projectName: string;
  ref: SessionRef;
  view: SessionView;
}

/** The project's current session, read fresh (a command acts on the latest state, not the cache). */
export async function pickSession(d: CommandDeps, arg: unknown, placeHolder?: string): Promise<ResolvedSession> {
  const { server, entry } = await pickProject(d, arg, placeHolder);
  const view = await d.store.loadSession(server.server.id, entry.project.id);
  return {
    serverId: server.server.id,
    projectName: entry.project.name,
    ref: { sessionId: view.session.id, projectId: entry.project.id },
    view,
  };
}
