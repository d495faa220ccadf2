/**
 * The token for a remote upstream, without it ever sitting in a client's config file: BILT_TOKEN (set
 * by VS Code from its SecretStorage), else BILT_TOKEN_FILE (a 0600 file), else BILT_TOKEN_COMMAND
 * (e.g. a keychain lookup such as `security find-generic-password -w -s bilt` or
 * `secret-tool lookup service bilt`). A file that cannot be read or a command that fails is a
 * BiltError naming it, which the tools answer with (the bridge keeps serving, and reads it again on
 * the next call, so the user can fix it without restarting the agent's client).
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { BiltError } from '../../core/errors';

const reasonOf = (e: unknown) =>
  (e as { code?: string }).code ?? (e instanceof Error ? e.message.split('\n')[0] : String(e));

export function tokenFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  if (env.BILT_TOKEN) {
    return env.BILT_TOKEN;
  }
  if (env.BILT_TOKEN_FILE) {
    const file = env.BILT_TOKEN_FILE;
    try {
      return readFileSync(file, 'utf8').trim() || undefined;
    } catch (e) {
      const reason = reasonOf(e);
      throw new BiltError('unauthorized', `Cannot read the Bilt token file ${file} (BILT_TOKEN_FILE): ${reason}`, {
        file,
        message: `BILT_TOKEN_FILE names ${file}, which cannot be read (${reason}); create it with the token, or set BILT_TOKEN`,
      });
    }
  }
  if (env.BILT_TOKEN_COMMAND) {
    try {
      return (
        execSync(env.BILT_TOKEN_COMMAND, {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
          timeout: 15_000,
        }).trim() || undefined
      );
    } catch (e) {
      throw new BiltError('unauthorized', `The Bilt token command failed (BILT_TOKEN_COMMAND): ${reasonOf(e)}`, {
        message: 'BILT_TOKEN_COMMAND did not print a token; check the command, or set BILT_TOKEN',
      });
    }
  }
  return undefined;
}
