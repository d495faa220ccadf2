import assert from 'node:assert/strict';
import vm from 'node:vm';
import { recognise } from '../../../../../src/engine/agents/builder/features';
import { checkHtml } from '../../../../../src/engine/agents/builder/htmlCheck';
import { planChanges } from '../../../../../src/engine/agents/builder/plan';
import { renderSite } from '../../../../../src/engine/agents/builder/renderSite';
import { emptySite, SiteModel } from '../../../../../src/engine/agents/builder/siteModel';

const info = { name: 'Shop', description: 'A shop', appKey: 'prj_1', year: 2026 };

function fullSite(theme: string) {
  let site = emptySite();
  for (const text of [
    `Build a landing page with a signup form, pricing, an FAQ, a contact form and a footer, ${theme}`,
    'Add an about page',
    'Add a pricing page with an FAQ',
  ]) {
    site = planChanges(site, recognise(text)).site;
  }
  return site;
}

describe('engine/agents/builder: templates', () => {
  for (const theme of ['dark mode', 'light theme']) {
    it(`renders every feature on several pages (${theme}) and passes html-validate`, async () => {
      const files = renderSite(fullSite(theme), info);
      assert.deepEqual(
        [...files.keys()],
        ['index.html', 'about.html', 'pricing.html', 'styles.css', 'app.js', 'favicon.svg', 'site.json'],
      );
      assert.deepEqual(await checkHtml(files), []);
      assert.deepEqual(await checkHtml(renderSite(emptySite(), { ...info, description: null })), []);
    });
  }

  it('finds problems in broken HTML', async () => {
    const problems = await checkHtml(
      new Map([
        [
          'x.html',
          '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body><button>b</button></body></html>',
        ],
      ]),
    );
    assert.ok(
      problems.some((p) => /^x.html:1:\d+: .*\(no-implicit-button-type\)$/.test(p)),
      problems.join('\n'),
    );
  });

  it('keeps code out of the HTML (no inline script or style) and app.js is valid JavaScript', () => {
    const files = renderSite(fullSite('dark'), info);
    for (const [name, text] of files) {
      if (name.endsWith('.html')) {
        assert.ok(!/<script>|<style|style="|\son[a-z]+=/.test(text), name);
      }
    }
    assert.doesNotThrow(() => new vm.Script(files.get('app.js')!));
  });

  it('the site model is checked: unknown keys, bad slugs, a missing home page', () => {
    const ok = fullSite('dark');
    assert.ok(SiteModel.safeParse(ok).success);
    assert.ok(!SiteModel.safeParse({ ...ok, extra: 1 }).success);
    assert.ok(!SiteModel.safeParse({ ...ok, pages: [{ slug: '../x', title: 'x', sections: [] }] }).success);
    assert.ok(!SiteModel.safeParse({ ...ok, pages: ok.pages.slice(1) }).success);
  });
});
