/**
 * Delete a session for good (servers that can: a Session API gateway, capabilities.delete). Work that
 * still runs is stopped first: the confirmation says so.
 */
import { BiltError } from '../core/errors';
import { isActive } from '../core/status';
import type { ActionContext, Target, WriteOptions } from './context';
import { done, refused, settle, type Outcome } from './outcome';
import { loadTarget } from './target';

export interface Deleted {
  target: Target;
  projectName: string;
  sessionId: string;
}

export function deleteSession(ctx: ActionContext, target: Target, o: WriteOptions = {}): Promise<Outcome<Deleted>> {
  return settle(o.signal, async () => {
    const loaded = await loadTarget(ctx, target);
    const client = await ctx.store.client(target.serverId, o.signal);
    if (!client.backend.capabilities.delete || !client.backend.deleteSession) {
      return refused(
        new BiltError('unsupported', 'Cannot delete session', {
          message: `${loaded.serverLabel} does not delete sessions`,
        }),
      );
    }
    const running = loaded.latest && isActive(loaded.latest.status);
    if (!o.confirmed) {
      return {
        kind: 'confirm',
        title: `Delete the session of ${loaded.projectName}?`,
        message:
          `${running ? `Its ${loaded.latest!.status} work is stopped first. ` : ''}` +
          'The session and its messages are deleted; this cannot be undone.',
        destructive: true,
      };
    }
    await client.backend.deleteSession(loaded.ref, { signal: o.signal, force: Boolean(running) });
    ctx.store.afterAction(target.serverId);
    return done({ target, projectName: loaded.projectName, sessionId: loaded.ref.sessionId });
  });
}
