/**
 * Entry point of dist/engine.js, the local Bilt-compatible engine: `serve`, `status`, `stop`.
 * Runs on plain Node ≥ 20 and on VS Code's runtime (ELECTRON_RUN_AS_NODE=1).
 */
import { parseCli, USAGE, UsageError } from './engine/cli/args';
import { control } from './engine/cli/control';
import { repair } from './engine/cli/repair';
import { serve } from './engine/cli/serve';
import { DamagedStateError } from './engine/service/openState';

async function main(): Promise<number> {
  const { command, serve: serveArgs, dataDir } = parseCli(process.argv.slice(2));
  const io = {
    stdout: (l: string) => process.stdout.write(l + '\n'),
    stderr: (l: string) => process.stderr.write(l + '\n'),
    env: process.env,
  };
  switch (command) {
    case 'serve':
      return serve(serveArgs, io);
    case 'status':
    case 'stop':
      return control(command, dataDir, io);
    case 'repair':
      return repair(dataDir, io);
    default:
      io.stdout(USAGE);
      return 0;
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(
      `[bilt-engine] ${e instanceof UsageError ? `${e.message}\n\n${USAGE}` : e instanceof DamagedStateError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(e instanceof UsageError ? 2 : 1);
  },
);
