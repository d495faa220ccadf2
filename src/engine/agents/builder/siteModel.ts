/**
 * The site model: what the app is made of (pages and their sections, footer, theme), kept as `site.json`
 * in the app's folder and committed with it. Every file of the app is rendered from it, so each workflow
 * keeps what the earlier ones added. The file is a boundary: it is checked with zod when read.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BiltError } from '../../../core/errors';
import { HOME, SECTION_KINDS } from './features';

export const SITE_FILE = 'site.json';

const SitePage = z
  .object({
    slug: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
    title: z.string().min(1).max(60),
    sections: z.array(z.enum(SECTION_KINDS)),
  })
  .strict();
export type SitePage = z.infer<typeof SitePage>;

export const SiteModel = z
  .object({
    version: z.literal(1),
    theme: z.enum(['light', 'dark']),
    footer: z.boolean(),
    pages: z.array(SitePage).min(1).max(13),
  })
  .strict()
  .refine((s) => s.pages[0]?.slug === HOME, { message: `the first page must be "${HOME}"`, path: ['pages'] })
  .refine((s) => new Set(s.pages.map((p) => p.slug)).size === s.pages.length, {
    message: 'page slugs must be unique',
    path: ['pages'],
  })
  .refine((s) => s.pages.every((p) => new Set(p.sections).size === p.sections.length), {
    message: 'a section appears once per page',
    path: ['pages'],
  });
export type SiteModel = z.infer<typeof SiteModel>;

export function emptySite(): SiteModel {
  return { version: 1, theme: 'light', footer: false, pages: [{ slug: HOME, title: 'Home', sections: [] }] };
}

/** The app's site model, or undefined when the app has none yet; a BiltError when the file is not one. */
export async function readSiteModel(appDir: string): Promise<SiteModel | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(appDir, SITE_FILE), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      return undefined;
    }
    throw e;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw invalidModel(e instanceof Error ? e.message : String(e));
  }
  const parsed = SiteModel.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidModel(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

export function siteModelText(site: SiteModel): string {
  return `${JSON.stringify(site, null, 2)}\n`;
}

function invalidModel(problem: string): BiltError {
  const message = `${SITE_FILE} is not a valid site model (${problem}); fix or delete it and commit`;
  return new BiltError('invalid_input', message, { field: SITE_FILE, message });
}
