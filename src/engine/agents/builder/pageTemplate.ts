/**
 * One HTML page of the app: head (styles and script from files, nothing inline, so the app's
 * Content-Security-Policy can forbid inline code), header with navigation, the page's sections, footer.
 */
import { escapeHtml as e } from './escape';
import { HOME, type SectionKind } from './features';
import { contactSection, signupSection } from './formTemplates';
import { faqSection, heroSection, pricingSection, type SiteInfo } from './sectionTemplates';
import type { SiteModel, SitePage } from './siteModel';

export function renderPage(site: SiteModel, page: SitePage, info: SiteInfo): string {
  const title = page.slug === HOME ? info.name : `${page.title} – ${info.name}`;
  const lines = [
    '<!DOCTYPE html>',
    `<html lang="en" class="theme-${site.theme}" data-app="${e(info.appKey)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    ...(info.description ? [`<meta name="description" content="${e(info.description)}">`] : []),
    '<link rel="icon" href="favicon.svg" type="image/svg+xml">',
    '<link rel="stylesheet" href="styles.css">',
    '<script src="app.js" defer></script>',
    '</head>',
    '<body>',
    '<header class="site-header">',
    `<a class="brand" href="index.html">${e(info.name)}</a>`,
    ...navigation(site, page),
    '</header>',
    '<main>',
    ...intro(page, info),
    ...page.sections.map((s) => section(s, site, info)),
    '</main>',
    ...(site.footer ? footer(info) : []),
    '</body>',
    '</html>',
  ];
  return `${lines.join('\n')}\n`;
}

/** Every page has one h1: the hero's on a home page that has one, a title otherwise. */
function intro(page: SitePage, info: SiteInfo): string[] {
  if (page.slug === HOME) {
    return page.sections.includes('hero') ? [] : [`<h1 class="page-title">${e(info.name)}</h1>`];
  }
  const text =
    page.slug === 'about' && info.description ? info.description : `This is the ${page.title} page of ${info.name}.`;
  return ['<section class="page-intro">', `<h1>${e(page.title)}</h1>`, `<p>${e(text)}</p>`, '</section>'];
}

function section(kind: SectionKind, site: SiteModel, info: SiteInfo): string {
  switch (kind) {
    case 'hero':
      return heroSection(info, callToAction(site));
    case 'signup':
      return signupSection(info);
    case 'pricing':
      return pricingSection(callToAction(site));
    case 'faq':
      return faqSection(info, site);
    case 'contact':
      return contactSection(info);
  }
}

/** Where "sign up" buttons lead: the signup form, else the contact form, wherever it is. */
function callToAction(site: SiteModel): { href: string; label: string } | undefined {
  for (const [kind, label] of [
    ['signup', 'Sign up'],
    ['contact', 'Get in touch'],
  ] as const) {
    const page = site.pages.find((p) => p.sections.includes(kind));
    if (page) {
      return { href: `${page.slug}.html#${kind}`, label };
    }
  }
  return undefined;
}

function navigation(site: SiteModel, current: SitePage): string[] {
  if (site.pages.length < 2) {
    return [];
  }
  const items = site.pages.map((p) => {
    const label = p.slug === HOME ? 'Home' : p.title;
    const here = p.slug === current.slug ? ' aria-current="page"' : '';
    return `<li><a href="${p.slug}.html"${here}>${e(label)}</a></li>`;
  });
  return ['<nav class="site-nav" aria-label="Pages">', '<ul>', ...items, '</ul>', '</nav>'];
}

function footer(info: SiteInfo): string[] {
  const tagline = info.description ? [`<p class="tagline">${e(info.description)}</p>`] : [];
  return [
    '<footer class="site-footer">',
    ...tagline,
    `<p>© ${info.year} ${e(info.name)}. Built with Bilt.</p>`,
    '</footer>',
  ];
}
