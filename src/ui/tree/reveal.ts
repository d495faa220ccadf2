/** Selecting a project's row once the store lists it (after it was created), if the view is open. */
import type { Target } from '../../actions/context';
import type { BiltStoreApi } from '../../api/store/types';
import { waitFor } from '../waitFor';
import { NodeCache } from './nodes';
import type { SessionsView } from './view';

const LISTED_WITHIN_MS = 10_000;

export function revealProject(store: BiltStoreApi, view: SessionsView, target: Target): void {
  const listed = () =>
    Boolean(store.snapshot(target.serverId)?.projects?.some((p) => p.project.id === target.projectId));
  void waitFor(store, listed, LISTED_WITHIN_MS).then((ok) => {
    if (ok && view.tree.visible) {
      const node = new NodeCache().get({ kind: 'project', ...target });
      void Promise.resolve(view.tree.reveal(node, { select: true, focus: false })).catch(() => undefined);
    }
  });
}
