/**
 * The fetch of the bridge's local-engine client. A refused connection on loopback means the engine is
 * no longer at that port (it stopped, or restarted elsewhere): it fails at once, as a BiltError marked
 * `sent: false` (nothing reached a server), instead of the resilient fetch retrying the old port for
 * seconds; the bridge then finds the engine again and may repeat the call (server.ts).
 */
import { BiltError } from '../../core/errors';
import type { FetchLike } from '../../api/http/resilientFetch';
import { networkErrorCode, neverSent } from '../../api/http/retry';

export function failFastWhenGone(inner: FetchLike, engineUrl: string): FetchLike {
  return async (url, init) => {
    try {
      return await inner(url, init);
    } catch (e) {
      if (!neverSent(e)) {
        throw e;
      }
      throw new BiltError('unavailable', `The local engine is no longer at ${engineUrl}`, {
        message: networkErrorCode(e),
        sent: false,
      });
    }
  };
}
