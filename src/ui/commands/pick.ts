/**
 * Turning "whatever the command was invoked with" into what it acts on: a tree node gives the ids
 * directly; from the palette the user picks (quick picks list what the store already knows, so no
 * extra requests), with the workspace's linked project first, then the workspace's account (its server).
 */
import * as vscode from 'vscode';
import type { Target } from '../../actions/context';
import type { ProjectEntry, ServerSnapshot } from '../../api/store/types';
import { findTarget } from '../../actions/target';
import { BiltError, isBiltError } from '../../core/errors';
import { sessionWords } from '../../present/rows';
import { idsOfNode, type Node, type NodeIds } from '../tree/nodes';
import type { CommandDeps } from './deps';
import { must } from './run';

/** The ids a command was invoked with: a tree node, or `{serverId, projectId?}` from another command. */
export function idsFrom(arg: unknown): NodeIds | undefined {
  if (!arg || typeof arg !== 'object') {
    return undefined;
  }
  const given = arg as Partial<Node> & Partial<NodeIds>;
  if (given.kind) {
    return idsOfNode(given as Node);
  }
  return typeof given.serverId === 'string' ? (given as NodeIds) : undefined;
}

export async function pickServer(
  deps: CommandDeps,
  arg: unknown,
  filter: (s: ServerSnapshot) => boolean = () => true,
  placeHolder = 'Which Bilt server?',
): Promise<ServerSnapshot> {
  const ids = idsFrom(arg);
  const all = deps.store.snapshots().filter(filter);
  if (ids) {
    // a server named by the caller is that server or none: never another one
    const given = all.find((s) => s.server.id === ids.serverId);
    if (!given) {
      const label = deps.store.snapshot(ids.serverId)?.server.label ?? ids.serverId;
      throw new BiltError('not_found', `${label} is not one of the servers offered here`, { message: placeHolder });
    }
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
  const account = deps.account.get();
  const items = [...all]
    .sort((a, b) => Number(b.server.id === account) - Number(a.server.id === account))
    .map((s) => ({
      label: s.server.label,
      description: [
        s.server.kind === 'local' ? 'local engine' : s.server.url,
        s.server.id === account ? "this workspace's account" : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
      s,
    }));
  return must(await vscode.window.showQuickPick(items, { placeHolder })).s;
}

export interface Picked {
  server: ServerSnapshot;
  entry: ProjectEntry;
  target: Target;
  projectName: string;
}

/** A project: from the node, else picked (linked project first, then most recently updated). */
export async function pickProject(deps: CommandDeps, arg: unknown, placeHolder = 'Which project?'): Promise<Picked> {
  const picked = (server: ServerSnapshot, entry: ProjectEntry): Picked => ({
    server,
    entry,
    target: { serverId: server.server.id, projectId: entry.project.id },
    projectName: entry.project.name,
  });
  const ids = idsFrom(arg);
  if (ids?.projectId) {
    const server = deps.store.snapshot(ids.serverId);
    const entry = server?.projects?.find((p) => p.project.id === ids.projectId);
    if (server && entry) {
      return picked(server, entry);
    }
  }
  const linked = deps.actions.links.get();
  const isLinked = (s: ServerSnapshot, entry: ProjectEntry) =>
    linked?.serverId === s.server.id && linked.projectId === entry.project.id;
  const account = deps.account.get();
  const now = Date.now();
  const several = deps.store.snapshots().length > 1;
  const items = deps.store
    .snapshots()
    .filter((s) => !ids || s.server.id === ids.serverId)
    .flatMap((s) =>
      (s.projects ?? []).map((entry) => ({ s, entry, linked: isLinked(s, entry), mine: s.server.id === account })),
    )
    .sort(
      (a, b) =>
        Number(b.linked) - Number(a.linked) ||
        Number(b.mine) - Number(a.mine) ||
        b.entry.project.updatedAt.localeCompare(a.entry.project.updatedAt),
    )
    .map(({ s, entry, linked: link }) => ({
      label: entry.project.name,
      description: [link ? 'linked to this workspace' : undefined, entry.session && sessionWords(entry.session, now)]
        .filter(Boolean)
        .join(' · '),
      detail: several ? s.server.label : undefined,
      s,
      entry,
      link,
    }));
  if (items.length === 0) {
    throw new BiltError('not_found', 'There are no projects yet', {
      message: 'Create one with "Bilt: Create Project"',
    });
  }
  const only = items.length === 1 && items[0]!.link ? items[0] : undefined;
  const choice = must(only ?? (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true })));
  return picked(choice.s, choice.entry);
}

/** The workspace's linked project (or the only one) without asking; otherwise the person picks. */
export async function defaultOrPick(deps: CommandDeps, placeHolder: string): Promise<Picked> {
  let target: NodeIds | undefined;
  try {
    target = findTarget(deps.actions);
  } catch (e) {
    if (isBiltError(e) && e.code === 'not_found') {
      throw e;
    }
  }
  return pickProject(deps, target, placeHolder);
}
