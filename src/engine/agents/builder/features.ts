/**
 * What the builder can change, and how an instruction asks for it: case-insensitive phrases per feature
 * (several per feature; one instruction may ask for several). Pure: text in, changes out.
 */

/** The sections a page can hold, in the order they appear on it. */
export const SECTION_KINDS = ['hero', 'signup', 'pricing', 'faq', 'contact'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export type Theme = 'light' | 'dark';

export type Change =
  | { kind: 'section'; section: SectionKind; page: string }
  | { kind: 'footer' }
  | { kind: 'theme'; theme: Theme }
  | { kind: 'page'; slug: string; title: string };

/** The home page's slug (index.html). */
export const HOME = 'index';

const SECTION_PHRASES: Record<SectionKind, RegExp> = {
  hero: /\b(landing|hero|home ?page|front page|headline|banner|website|web site|one-pager|splash)\b/i,
  signup: /\b(sign[ -]?ups?|register|registration|newsletter|subscribe|subscription form|wait ?list|mailing list)\b/i,
  pricing: /\b(pricing|prices?|price list|plans|tiers)\b/i,
  faq: /\b(faqs?|f\.a\.q|frequently asked|questions and answers|q ?& ?a|common questions)\b/i,
  contact: /\b(contact|get in touch|reach (us|out)|enquir(y|ies)|inquir(y|ies)|feedback form)\b/i,
};

const FOOTER = /\b(footer|copyright|bottom of (the|every|each) page)\b/i;
const LIGHT =
  /\b(light|bright)[- ](theme|mode|colou?rs?|background|scheme|look)\b|\bto light\b|\b(remove|disable|turn off|drop|no|without)( the)? dark\b/i;
const DARK = /\bdark(er)?\b|\bnight mode\b/i;

/** "<word> page" and "page called <word>"; words that describe the page rather than name it are left out. */
const NAMED_PAGES = [
  /\b(about us|[a-z][a-z0-9-]*)\s+page\b/gi,
  /\bpage (?:called|named|titled) ["'“]?([a-z][a-z0-9-]*)/gi,
];
const NOT_PAGE_NAMES = new Set(
  (
    'landing home main front start index web single one a an the new this that my our your whole entire same each ' +
    'every another separate second extra own static simple first current existing other blank empty full nice ' +
    'pretty beautiful modern basic small great cool html dark light second third to of on'
  ).split(' '),
);
const PAGE_TITLES: Record<string, string> = { faq: 'FAQ', signup: 'Sign up', about: 'About' };
/** At most this many pages besides the home page. */
export const MAX_EXTRA_PAGES = 12;

/** The changes an instruction asks for, without duplicates; [] when it asks for nothing the builder knows. */
export function recognise(instruction: string): Change[] {
  const text = instruction.replace(/\s+/g, ' ');
  const pages = namedPages(text);
  const changes: Change[] = pages.map((slug) => ({ kind: 'page', slug, title: pageTitle(slug) }));
  // with one page named, the sections asked for go on it ("an about page with a contact form")
  const target = pages.length === 1 ? pages[0]! : HOME;
  for (const section of SECTION_KINDS) {
    const onNamedPage = pages.some((p) => sectionNamedBy(p) === section);
    if (onNamedPage || SECTION_PHRASES[section].test(text)) {
      const page = section === 'hero' ? HOME : (pages.find((p) => sectionNamedBy(p) === section) ?? target);
      changes.push({ kind: 'section', section, page });
    }
  }
  if (FOOTER.test(text)) {
    changes.push({ kind: 'footer' });
  }
  if (LIGHT.test(text)) {
    changes.push({ kind: 'theme', theme: 'light' });
  } else if (DARK.test(text)) {
    changes.push({ kind: 'theme', theme: 'dark' });
  }
  return changes;
}

function namedPages(text: string): string[] {
  const slugs: string[] = [];
  const words = NAMED_PAGES.flatMap((re) => [...text.replace(/\bsign[ -]up\b/gi, 'signup').matchAll(re)]);
  for (const m of words) {
    const word = (m[1] ?? '').toLowerCase();
    const slug = word === 'about us' ? 'about' : word;
    if (slug && !NOT_PAGE_NAMES.has(slug) && !slugs.includes(slug)) {
      slugs.push(slug.slice(0, 40));
    }
  }
  return slugs;
}

/** The section a page's name asks for ("contact page" → contact), if any. */
function sectionNamedBy(slug: string): SectionKind | undefined {
  return SECTION_KINDS.find((s) => s !== 'hero' && SECTION_PHRASES[s].test(slug));
}

export function pageTitle(slug: string): string {
  return PAGE_TITLES[slug] ?? slug.charAt(0).toUpperCase() + slug.slice(1).replace(/-/g, ' ');
}
