/**
 * `.bilt/project.json`: the workspace's link to a Bilt project, as a file a team can commit (server and
 * project id, and the name people read; never a token). Its schema is in contract/linkFile.ts (zod,
 * loaded on first read); this file holds what the extension needs while it activates.
 */
export const LINK_FILE = '.bilt/project.json';

export interface LinkFileContent {
  /** "local" for the local engine, else the server's URL as in bilt.servers. */
  server: string;
  project: string;
  /** For people reading the file; the id decides. */
  name?: string | undefined;
}

export function linkFileText(link: LinkFileContent): string {
  return `${JSON.stringify({ server: link.server, project: link.project, ...(link.name ? { name: link.name } : {}) }, null, 2)}\n`;
}
