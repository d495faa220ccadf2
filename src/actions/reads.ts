/** What agents and people read: the projects the store knows, a project's session, its newest messages. */
import type { SessionRef, SessionView } from '../api/backend';
import { fetchNewMessages } from '../api/watch/catchUp';
import type { Message, MessagePage } from '../core/model';
import type { ActionContext, ActionOptions, Target } from './context';
import { done, settle, type Outcome } from './outcome';
import { loadTarget, type Loaded } from './target';

export interface ProjectListing {
  serverId: string;
  serverLabel: string;
  project: { id: string; name: string; description: string | null };
  session: Loaded['view'] | undefined;
}

/** Every project of every configured server, as the store holds them (no request). */
export function listProjects(ctx: ActionContext): ProjectListing[] {
  return ctx.store.snapshots().flatMap((s) =>
    (s.projects ?? []).map((e) => ({
      serverId: s.server.id,
      serverLabel: s.server.label,
      project: { id: e.project.id, name: e.project.name, description: e.project.description },
      session: e.session,
    })),
  );
}

export function readSession(ctx: ActionContext, target: Target, o: ActionOptions = {}): Promise<Outcome<Loaded>> {
  return settle(o.signal, async () => done(await loadTarget(ctx, target)));
}

export interface MessagesRead extends MessagePage {
  loaded: Loaded;
}

/** The newest `limit` messages, newest first. */
export function readMessages(
  ctx: ActionContext,
  target: Target,
  limit: number,
  o: ActionOptions = {},
): Promise<Outcome<MessagesRead>> {
  return settle(o.signal, async () => {
    const loaded = await loadTarget(ctx, target);
    const client = await ctx.store.client(target.serverId, o.signal);
    const page = await client.backend.getMessages(loaded.ref, { limit }, { signal: o.signal });
    return done({ ...page, loaded });
  });
}

export interface RecentMessages {
  /** The session as it is now. */
  view: SessionView;
  /** Its newest messages, oldest first. */
  messages: Message[];
  /** How many messages came before them. */
  earlier: number;
}

/** A session's state and its newest `count` messages, oldest first: a few pages, never the whole history. */
export function readRecentMessages(
  ctx: ActionContext,
  serverId: string,
  ref: SessionRef,
  count: number,
  o: ActionOptions = {},
): Promise<Outcome<RecentMessages>> {
  return settle(o.signal, async () => {
    const client = await ctx.store.client(serverId, o.signal);
    const view = await client.backend.getSession(ref, { signal: o.signal });
    const total = (await client.backend.getMessages(ref, { limit: 1 }, { signal: o.signal })).total;
    const recent = await fetchNewMessages(client.backend, ref, Math.max(0, total - count), total, o.signal);
    const earlier = (recent.messages[0]?.seq ?? recent.total + 1) - 1;
    return done({ view, messages: recent.messages, earlier });
  });
}
