/** `npm start` with a desktop VS Code: find one, and open it on this repo as the extension under development. */
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
function onPath(name: string): string | undefined {
  const exts = process.platform === 'win32' ? ['.cmd', '.exe', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const p = path.join(dir, name + ext);
      try {
        accessSync(p, constants.X_OK);
        return p;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** A desktop VS Code: VSCODE_EXECUTABLE_PATH, else `code` on PATH unless that is code-server's own `code` (in its terminals). */
export function desktopVsCode(): string | undefined {
  const given = process.env.VSCODE_EXECUTABLE_PATH;
  if (given) {
    if (!existsSync(given)) {
      throw new Error(`VSCODE_EXECUTABLE_PATH=${given} does not exist`);
    }
    return given;
  }
  const code = onPath('code');
  if (!code) {
    return undefined;
  }
  const real = (() => {
    try {
      return realpathSync(code);
    } catch {
      return code;
    }
  })();
  return /code-server|remote-cli/.test(real) ? undefined : code;
}

export async function openDesktop(
  repo: string,
  exe: string,
  workspace: string,
  log: (m: string) => void,
): Promise<void> {
  const args = [`--extensionDevelopmentPath=${repo}`, '--new-window', workspace];
  log(`${exe} ${args.join(' ')}`);
  const child = spawn(exe, args, {
    detached: true,
    stdio: 'ignore',
    shell: process.platform === 'win32' && /\.cmd$/i.test(exe),
  });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  child.unref();
}
