/** The workspace's linked project, kept in workspaceState (the actions read and write it through this). */
import type * as vscode from 'vscode';
import type { ProjectLinks, Target } from '../actions/context';
import { STATE } from './ids';

export const workspaceLinks = (state: vscode.Memento): ProjectLinks => ({
  get: () => state.get<Target>(STATE.linkedProject),
  set: async (link) => {
    await state.update(STATE.linkedProject, link);
  },
});
