/**
 * The rows above the projects: a server (its state, and what it lacks) and, for Session API gateways,
 * a task grouping that server's sessions (Project.group).
 */
import type { ProjectEntry, ServerSnapshot } from '../api/store/types';
import { isActive } from '../core/status';
import { SERVER_ICON } from './icons';
import { md, type RowModel } from './rows';

export function serverRow(s: ServerSnapshot): RowModel {
  const n = s.projects?.length;
  const state = s.status.state;
  const words =
    state === 'ready' || (state === 'connecting' && s.projects)
      ? `${n ?? 0} project${n === 1 ? '' : 's'}${s.stale ? ' · cached' : ''}`
      : state === 'signed-out'
        ? 'signed out'
        : state === 'unauthorized'
          ? 'token rejected'
          : state === 'rate-limited'
            ? 'rate limited'
            : state === 'connecting'
              ? 'connecting…'
              : 'unreachable';
  const tokens = [
    'server',
    s.server.kind,
    state === 'signed-out' || state === 'unauthorized' ? 'signed-out' : 'signed-in',
    state,
    ...(s.capabilities?.createProject === false ? [] : ['can-create']),
  ];
  return {
    id: `server:${s.server.id}`,
    label: s.server.label,
    description: words,
    // why it cannot be used, also while cached projects are shown (e.g. which proxy and CAs were tried)
    tooltip: `**${md(s.server.label)}**  \n${s.server.kind === 'local' ? 'Local engine on this machine' : md(s.server.url ?? '')}  \n${words}${'error' in s.status ? `  \n${md(s.status.error.message)}` : ''}`,
    look: {
      icon: SERVER_ICON[s.server.kind],
      ...(state === 'ready' || state === 'connecting' ? {} : { color: 'list.warningForeground' }),
    },
    contextValue: tokens.join(' '),
    collapsible: 'expanded',
    accessibility: `${s.server.label}, ${words}`,
  };
}

/** A task of a gateway: its sessions, how many are active. */
export function groupRow(serverId: string, group: string, entries: ProjectEntry[]): RowModel {
  const active = entries.filter((e) => {
    const status = e.session?.workflows[0]?.status;
    return status !== undefined && isActive(status);
  }).length;
  const words = `${entries.length} session${entries.length === 1 ? '' : 's'}${active ? ` · ${active} active` : ''}`;
  return {
    id: `group:${serverId}:${group}`,
    label: group,
    description: words,
    tooltip: `**Task** \`${md(group)}\`  \n${words}`,
    look: { icon: 'tasklist' },
    contextValue: 'group',
    collapsible: 'expanded',
    accessibility: `Task ${group}, ${words}`,
  };
}
