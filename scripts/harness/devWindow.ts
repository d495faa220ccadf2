/**
 * code-server serving an "[Extension Development Host]" window of this repo WITHOUT a tests path:
 * the extension loads from its folder as in F5 debugging, and the window behaves as a user's (modal
 * dialogs work; under extension tests the workbench refuses them). Used by the browser end-to-end
 * test (e2e.ts) and by `npm start` (start.ts); the integration tests use driver.ts.
 */
import path from 'node:path';
import { startCodeServer, type CodeServer } from './codeServer';
import type { HarnessInstall, RunDir } from './paths';
import { workbenchUrl } from './payload';

/**
 * For a person (and readable screenshots): no empty secondary side bar taking a third of the window,
 * and no indent guides drawn through the wrapped lines of the Output panel (language "Log": output
 * channels without a language of their own, such as a Bilt session's log).
 */
export const DEV_WINDOW_SETTINGS: Record<string, unknown> = {
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  '[Log]': { 'editor.guides.indentation': false },
};

export interface DevWindowOptions {
  install: HarnessInstall;
  run: RunDir;
  /** extensionDevelopmentPath */
  extension: string;
  /** The folder the window opens. */
  workspace: string;
  settings: Record<string, unknown>;
  /** The extension host's environment (the payload's extensionEnvironment). */
  env: Record<string, string>;
  preferredPort?: number;
  keepUserSettings?: boolean;
  codeServerArgs?: string[];
  verbose: boolean;
  log: (msg: string) => void;
}

export interface DevWindowServer {
  cs: CodeServer;
  /** The page to open: the workbench with the development payload. */
  url: string;
}

export async function startDevWindowServer(o: DevWindowOptions): Promise<DevWindowServer> {
  const cs = await startCodeServer({
    install: o.install,
    run: o.run,
    settings: { ...DEV_WINDOW_SETTINGS, ...o.settings },
    extraArgs: o.codeServerArgs ?? [],
    verbose: o.verbose,
    log: o.log,
    ...(o.preferredPort ? { preferredPort: o.preferredPort } : {}),
    ...(o.keepUserSettings ? { keepUserSettings: true } : {}),
  });
  const url = workbenchUrl({
    baseUrl: cs.baseUrl,
    authority: `127.0.0.1:${cs.port}`,
    workspace: path.resolve(o.workspace),
    extensionDevelopmentPath: o.extension,
    extensionEnvironment: o.env,
  });
  return { cs, url };
}
