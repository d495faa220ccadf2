/** The last known tree across reloads: the store's data in globalState, written at most every few seconds. */
import type * as vscode from 'vscode';
import type { BiltStoreApi, PersistedServer } from '../api/store/types';
import { STATE } from './ids';

export function restoreCache(context: vscode.ExtensionContext, store: BiltStoreApi): void {
  const cached = context.globalState.get<PersistedServer[]>(STATE.cache);
  if (Array.isArray(cached)) {
    store.restore(cached);
  }
}

export function persistCache(context: vscode.ExtensionContext, store: BiltStoreApi): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    timer = undefined;
    void context.globalState.update(STATE.cache, store.persist());
  };
  const unsubscribe = store.onDidChange(() => {
    timer ??= setTimeout(save, 5000);
  });
  return {
    dispose: () => {
      unsubscribe();
      if (timer) {
        clearTimeout(timer);
        save();
      }
    },
  };
}
