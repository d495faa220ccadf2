/** Every file of the app, rendered from the site model: one HTML file per page, styles, script, the model. */
import { renderPage } from './pageTemplate';
import { APP_SCRIPT } from './scriptTemplate';
import type { SiteInfo } from './sectionTemplates';
import { SITE_FILE, siteModelText, type SiteModel } from './siteModel';
import { APP_ICON, APP_STYLES } from './stylesTemplate';

/** File name (in the app's folder) → content. */
export type SiteFiles = ReadonlyMap<string, string>;

export type SiteRenderer = (site: SiteModel, info: SiteInfo) => SiteFiles;

export const renderSite: SiteRenderer = (site, info) => {
  const files = new Map<string, string>();
  for (const page of site.pages) {
    files.set(`${page.slug}.html`, renderPage(site, page, info));
  }
  files.set('styles.css', APP_STYLES);
  files.set('app.js', APP_SCRIPT);
  files.set('favicon.svg', APP_ICON);
  files.set(SITE_FILE, siteModelText(site));
  return files;
};
