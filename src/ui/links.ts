/**
 * The workspace's linked project, kept in `.bilt/project.json` in the first workspace folder (a file a
 * team can commit; see src/core/contract/linkFile.ts), else in workspaceState when no folder is open.
 * The file is watched: switching branches switches the default project of the commands, the agent
 * tools and the chat, and the tree reveals it.
 */
import * as vscode from 'vscode';
import type { ProjectLinks, Target } from '../actions/context';
import { parseLinkFile } from '../core/contract/linkFile';
import { LINK_FILE, linkFileText } from '../core/workspaceLink';
import { STATE } from './ids';
import type { Logger } from './logging';

export class WorkspaceLinks implements ProjectLinks, vscode.Disposable {
  private current: Target | undefined;
  private readonly changed = new vscode.EventEmitter<Target | undefined>();
  /** The link changed (the file was edited, replaced by a branch switch, or removed). */
  readonly onDidChange = this.changed.event;
  private readonly subs: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly state: vscode.Memento,
    private readonly log: Logger,
    private readonly folder = vscode.workspace.workspaceFolders?.[0]?.uri,
  ) {
    this.current = state.get<Target>(STATE.linkedProject);
    if (this.folder) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.folder, LINK_FILE));
      const reread = () => void this.read();
      this.subs.push(watcher, watcher.onDidCreate(reread), watcher.onDidChange(reread), watcher.onDidDelete(reread));
      // after activation: the file's schema comes with the deferred part of the bundle
      setImmediate(reread);
    }
  }

  get(): Target | undefined {
    return this.current;
  }

  async set(link: Target | undefined, projectName?: string): Promise<void> {
    await this.state.update(STATE.linkedProject, link);
    if (this.folder) {
      const file = vscode.Uri.joinPath(this.folder, LINK_FILE);
      if (link) {
        const text = linkFileText({
          server: link.serverId,
          project: link.projectId,
          ...(projectName ? { name: projectName } : {}),
        });
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
      } else {
        await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
      }
    }
    this.update(link);
  }

  /** The file's link (a missing file: none; a damaged one: said in the log, the last good link kept). */
  private async read(): Promise<void> {
    const file = vscode.Uri.joinPath(this.folder!, LINK_FILE);
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      return this.update(undefined);
    }
    try {
      const parsed = parseLinkFile(text);
      this.update({ serverId: parsed.server, projectId: parsed.project });
    } catch (e) {
      this.log.warn(
        `${LINK_FILE} is not a Bilt link (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); kept the last one`,
      );
    }
  }

  private update(link: Target | undefined): void {
    if (link?.serverId === this.current?.serverId && link?.projectId === this.current?.projectId) {
      return;
    }
    this.current = link;
    void this.state.update(STATE.linkedProject, link);
    this.changed.fire(link);
  }

  dispose(): void {
    for (const s of this.subs) {
      s.dispose();
    }
  }
}
