/** Waiting, bounded, for the store to show something a command just caused (a server added, a project created, an engine back). */
import type { BiltStoreApi } from '../api/store/types';

/** Resolves true as soon as `ok()` holds (checked on every store change and every 100 ms), false after `timeoutMs`. */
export function waitFor(store: BiltStoreApi, ok: () => boolean, timeoutMs: number): Promise<boolean> {
  if (ok()) {
    return Promise.resolve(true);
  }
  return new Promise<boolean>((resolve) => {
    let settled = false;
    const finish = (v: boolean) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      clearInterval(ticker);
      unsubscribe();
      resolve(v);
    };
    const check = () => ok() && finish(true);
    const timer = setTimeout(() => finish(ok()), timeoutMs);
    const ticker = setInterval(check, 100);
    const unsubscribe = store.onDidChange(check);
  });
}
