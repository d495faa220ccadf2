/**
 * The workbench URL that makes code-server's web workbench load the extension in development mode
 * and run its tests: `?folder=<workspace>&payload=<JSON pairs>`.
 *
 * Two things nothing reports when wrong (the workbench then just opens normally, and no test runs):
 *  - code-server must run with `--vscode-option enable-smoke-test-driver` (see codeServer.ts);
 *  - the paths must be `vscode-remote://<authority>/abs/path` URIs. A bare path is taken as `file:`,
 *    becomes `vscode-local:` on its way to the server, and the server's extension scanner drops it.
 */
export interface PayloadOptions {
  baseUrl: string;
  /** Any authority works; the workbench's own host:port is the natural one. */
  authority: string;
  workspace: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  /** Environment of the extension host; overrides what code-server's own environment passes down. */
  extensionEnvironment: Record<string, string>;
}

export function remoteUri(authority: string, absPath: string): string {
  if (!absPath.startsWith('/')) throw new Error(`not an absolute path: ${absPath}`);
  return `vscode-remote://${authority}${absPath.split('/').map(encodeURIComponent).join('/')}`;
}

export function workbenchUrl(o: PayloadOptions): string {
  const payload: Array<[string, string]> = [
    ['extensionDevelopmentPath', remoteUri(o.authority, o.extensionDevelopmentPath)],
    ['extensionTestsPath', remoteUri(o.authority, o.extensionTestsPath)],
    ['extensionEnvironment', JSON.stringify(o.extensionEnvironment)],
  ];
  return `${o.baseUrl}?folder=${encodeURIComponent(o.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
