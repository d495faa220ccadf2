/** The schema of `.bilt/project.json` (see src/core/workspaceLink.ts): the file is a boundary. */
import { z } from 'zod';
import type { LinkFileContent } from '../workspaceLink';

export const LinkFile = z.object({
  server: z.string().min(1),
  project: z.string().min(1),
  name: z.string().optional(),
});

/** The link a file's text holds; throws naming what is wrong. */
export function parseLinkFile(text: string): LinkFileContent {
  return LinkFile.parse(JSON.parse(text));
}
