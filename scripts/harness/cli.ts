/** The driver's command line (see driver.ts for the usage), resolved to plain values. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface DriverOptions {
  tests: string;
  extension: string;
  workspace?: string;
  ui?: string;
  screenshots?: string;
  settings: Record<string, unknown>;
  timeoutMs: number;
  env: Record<string, string>;
  grep?: string;
  /** A packaged extension to install and test instead of the development folder. */
  vsix?: string;
  codeServerArgs: string[];
  echo: boolean;
  verbose: boolean;
}

const USAGE = `Runs test/integration inside code-server (see docs/TESTING.md, "Real VS Code (integration)").
  --tests FILE            compiled runner (default out/integration/index.js)
  --extension DIR         extensionDevelopmentPath (default the repo)
  --workspace DIR         folder the workbench opens (default an empty one in the run dir)
  --ui SCRIPT             browser steps: module exporting async (page, ctx) => {} (scripts/harness/ui.ts)
  --screenshots DIR       where screenshots go (default the run dir)
  --settings JSON|FILE    merged into the user settings.json
  --timeout MS            time limit for the results (default 180000)
  --env KEY=VALUE         extension host environment (repeatable)
  --grep REGEX            only tests whose full title matches
  --vsix FILE             install this VSIX into the run's extensions dir and test it (not the repo's folder)
  --code-server-arg=ARG   extra code-server argument (repeatable; keep the = for ARGs like --enable-proposed-api)
  --echo                  stream the browser console (the extension host's console.log)
  --verbose               stream code-server's output`;

export function readOptions(repo: string, argv = process.argv.slice(2)): DriverOptions {
  const { values: v } = parseArgs({
    args: argv,
    options: {
      tests: { type: 'string', default: path.join(repo, 'out/integration/index.js') },
      extension: { type: 'string', default: repo },
      workspace: { type: 'string' },
      ui: { type: 'string' },
      screenshots: { type: 'string' },
      settings: { type: 'string' },
      timeout: { type: 'string', default: '180000' },
      env: { type: 'string', multiple: true, default: [] },
      grep: { type: 'string' },
      vsix: { type: 'string' },
      'code-server-arg': { type: 'string', multiple: true, default: [] },
      echo: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (v.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const timeoutMs = Number(v.timeout);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new Error(`--timeout wants milliseconds, got ${v.timeout}`);
  }
  return {
    tests: path.resolve(v.tests),
    extension: path.resolve(v.extension),
    workspace: v.workspace && path.resolve(v.workspace),
    ui: v.ui && path.resolve(v.ui),
    screenshots: v.screenshots && path.resolve(v.screenshots),
    // --settings '{"chat.disableAIFeatures":false}' or --settings path/to/settings.json
    settings: v.settings
      ? (JSON.parse(v.settings.trim().startsWith('{') ? v.settings : readFileSync(v.settings, 'utf8')) as Record<
          string,
          unknown
        >)
      : {},
    timeoutMs,
    env: Object.fromEntries(
      v.env.map((pair) => {
        const i = pair.indexOf('=');
        if (i <= 0) {
          throw new Error(`--env wants KEY=VALUE, got ${pair}`);
        }
        return [pair.slice(0, i), pair.slice(i + 1)];
      }),
    ),
    grep: v.grep,
    vsix: v.vsix && path.resolve(v.vsix),
    codeServerArgs: v['code-server-arg'],
    echo: v.echo,
    verbose: v.verbose,
  };
}
