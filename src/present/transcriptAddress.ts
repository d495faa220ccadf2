/**
 * A live transcript's address (src/ui/transcript/address.ts makes it a URI): a readable path,
 * `/<project name>.md` (the tab's title, Markdown by its name), and the ids in its query.
 */

/** The ids a transcript's address carries. */
export interface TranscriptAddress {
  serverId: string;
  projectId: string;
  sessionId: string;
}

/** `/<project name>.md`, with characters no path should hold replaced. */
export function transcriptPath(projectName: string): string {
  // eslint-disable-next-line no-control-regex
  const name = projectName.replace(/[\u0000-\u001f\\/:*?"<>|#%]+/g, '-').trim();
  return `/${name || 'transcript'}.md`;
}

export function transcriptQuery(a: TranscriptAddress): string {
  return new URLSearchParams({ server: a.serverId, project: a.projectId, session: a.sessionId }).toString();
}

/** The ids in a transcript's query, or undefined when one is missing. */
export function parseTranscriptQuery(query: string): TranscriptAddress | undefined {
  const params = new URLSearchParams(query);
  const [serverId, projectId, sessionId] = ['server', 'project', 'session'].map((k) => params.get(k));
  return serverId && projectId && sessionId ? { serverId, projectId, sessionId } : undefined;
}
