/**
 * The check step: every HTML file through html-validate (its recommended rules, offline, pure JS). The
 * browser build is used because it bundles with esbuild as is (the Node build resolves config files through
 * `import.meta`); the builder gives it the configuration directly, so it reads no files.
 */
import type { HtmlValidate } from 'html-validate/browser';
import type { SiteFiles } from './renderSite';

/** The problems found, one line each ("index.html:12:5: message (rule)"); [] when the files pass. */
export type HtmlCheck = (files: SiteFiles) => Promise<string[]>;

let validator: Promise<HtmlValidate> | undefined;

/** Loaded on first use: the engine starts without it. */
function loadValidator(): Promise<HtmlValidate> {
  validator ??= import('html-validate/browser').then(
    ({ HtmlValidate, StaticConfigLoader }) =>
      new HtmlValidate(
        new StaticConfigLoader({ root: true, extends: ['html-validate:recommended'], elements: ['html5'] }),
      ),
  );
  return validator;
}

export const checkHtml: HtmlCheck = async (files) => {
  const html = await loadValidator();
  const problems: string[] = [];
  for (const [name, text] of files) {
    if (!name.endsWith('.html')) {
      continue;
    }
    const report = await html.validateString(text, name);
    for (const result of report.results) {
      for (const m of result.messages) {
        problems.push(`${name}:${m.line}:${m.column}: ${m.message} (${m.ruleId})`);
      }
    }
  }
  return problems;
};
