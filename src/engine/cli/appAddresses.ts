/**
 * Where the engine serves the builder's apps: `<engine url>/apps/<projectId>/`, for a project's own
 * folder only. The agent is made before the engine listens; its results ask here once it does.
 */
import path from 'node:path';

export class AppAddresses {
  private base: string | undefined;
  private folderOf: (projectId: string) => string | undefined = () => undefined;

  /** The engine listens at `baseUrl` and serves each project's own folder (http/appsRoute.ts). */
  serving(baseUrl: string, folderOf: (projectId: string) => string | undefined): void {
    this.base = baseUrl;
    this.folderOf = folderOf;
  }

  /** The app's address when the engine serves `workDir` as the project's app; undefined otherwise. */
  urlFor(projectId: string, workDir: string): string | undefined {
    const folder = this.folderOf(projectId);
    if (this.base === undefined || folder === undefined || path.resolve(folder) !== path.resolve(workDir)) {
      return undefined;
    }
    return `${this.base}/apps/${encodeURIComponent(projectId)}/`;
  }
}
