/**
 * The workbench URL that makes code-server's web workbench load the extension in development mode
 * (an "[Extension Development Host]" window) and, with `extensionTestsPath`, run its tests:
 * `?folder=<workspace>&payload=<JSON pairs>`. Without a tests path the window is an ordinary one
 * with the extension loaded from its folder: modal dialogs work there (under tests the workbench
 * refuses them), which the browser end-to-end test (scripts/harness/e2e.ts) and `npm start` use.
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
  /** The compiled test runner; omitted for a normal development window (no tests, dialogs allowed). */
  extensionTestsPath?: string;
  /** Environment of the extension host; overrides what code-server's own environment passes down. */
  extensionEnvironment: Record<string, string>;
}

export function remoteUri(authority: string, absPath: string): string {
  if (!absPath.startsWith('/')) {
    throw new Error(`not an absolute path: ${absPath}`);
  }
  return `vscode-remote://${authority}${absPath.split('/').map(encodeURIComponent).join('/')}`;
}

export function workbenchUrl(o: PayloadOptions): string {
  const payload: Array<[string, string]> = [
    ['extensionDevelopmentPath', remoteUri(o.authority, o.extensionDevelopmentPath)],
    ...(o.extensionTestsPath
      ? [['extensionTestsPath', remoteUri(o.authority, o.extensionTestsPath)] as [string, string]]
      : []),
    ['extensionEnvironment', JSON.stringify(o.extensionEnvironment)],
  ];
  return `${o.baseUrl}?folder=${encodeURIComponent(o.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
