/**
 * Planning: the site model after a workflow's changes, and a sentence for each change (new or already
 * there). Pure; the earlier model is not modified.
 */
import { MAX_EXTRA_PAGES, SECTION_KINDS, type Change, type SectionKind } from './features';
import type { SiteModel, SitePage } from './siteModel';

export interface Plan {
  site: SiteModel;
  /** What this workflow changes, e.g. "add a signup form to index.html". */
  changes: string[];
  /** What was asked for but is already there. */
  unchanged: string[];
}

const SECTION_NAMES: Record<SectionKind, string> = {
  hero: "a hero with the project's name",
  signup: 'a signup form',
  pricing: 'a pricing table',
  faq: 'an FAQ',
  contact: 'a contact form',
};

export function planChanges(before: SiteModel, asked: readonly Change[]): Plan {
  const site: SiteModel = structuredClone(before);
  const plan: Plan = { site, changes: [], unchanged: [] };
  // pages first, so that sections can go on a page made by the same instruction
  const ordered = [...asked.filter((c) => c.kind === 'page'), ...asked.filter((c) => c.kind !== 'page')];
  for (const change of ordered) {
    apply(plan, change);
  }
  return plan;
}

function apply(plan: Plan, change: Change): void {
  const { site } = plan;
  switch (change.kind) {
    case 'page': {
      const file = `${change.slug}.html`;
      if (site.pages.some((p) => p.slug === change.slug)) {
        plan.unchanged.push(`${file} is already there`);
      } else if (site.pages.length > MAX_EXTRA_PAGES) {
        plan.unchanged.push(`${file} is one page too many (at most ${MAX_EXTRA_PAGES} besides the home page)`);
      } else {
        site.pages.push({ slug: change.slug, title: change.title, sections: [] });
        plan.changes.push(`add ${file} with navigation on every page`);
      }
      return;
    }
    case 'section': {
      const page = site.pages.find((p) => p.slug === change.page) ?? site.pages[0]!;
      const where = `${page.slug}.html`;
      if (page.sections.includes(change.section)) {
        plan.unchanged.push(`${where} already has ${SECTION_NAMES[change.section]}`);
      } else {
        addSection(page, change.section);
        plan.changes.push(`add ${SECTION_NAMES[change.section]} to ${where}`);
      }
      return;
    }
    case 'footer':
      if (site.footer) {
        plan.unchanged.push('every page already has a footer');
      } else {
        site.footer = true;
        plan.changes.push('add a footer to every page');
      }
      return;
    case 'theme':
      if (site.theme === change.theme) {
        plan.unchanged.push(`the theme is already ${change.theme}`);
      } else {
        site.theme = change.theme;
        plan.changes.push(`switch to the ${change.theme} theme`);
      }
      return;
  }
}

/** Sections keep the one order SECTION_KINDS gives, whenever they were added. */
function addSection(page: SitePage, section: SectionKind): void {
  page.sections = SECTION_KINDS.filter((s) => s === section || page.sections.includes(s));
}
