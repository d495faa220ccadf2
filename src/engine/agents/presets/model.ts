/**
 * Passing a session's model (`data.model`) to a coding-agent CLI: its model flag is added to the
 * command line, quoted for the shell the command agent runs it with (sh -c, or cmd /c on Windows).
 */

/** One argument for the shell: single quotes on POSIX, double quotes for cmd.exe. */
export function quoteArg(value: string, windows = process.platform === 'win32'): string {
  if (windows) {
    return `"${value.replace(/"/g, '""')}"`;
  }
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line with `<flag> <model>` added: before a final ` -` (the CLI's "prompt on stdin"
 * argument, as in `codex exec --json -`), otherwise at the end.
 */
export function withModelFlag(command: string, flag: string, model: string, windows?: boolean): string {
  const args = `${flag} ${quoteArg(model, windows)}`;
  const trimmed = command.trimEnd();
  if (/\s-$/.test(trimmed)) {
    return `${trimmed.slice(0, -1)}${args} -`;
  }
  return `${trimmed} ${args}`;
}
