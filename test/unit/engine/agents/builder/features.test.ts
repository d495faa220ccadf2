import assert from 'node:assert/strict';
import { recognise, type Change } from '../../../../../src/engine/agents/builder/features';
import { planChanges } from '../../../../../src/engine/agents/builder/plan';
import { changesFromAnswers, whatToBuildPause } from '../../../../../src/engine/agents/builder/question';
import { emptySite } from '../../../../../src/engine/agents/builder/siteModel';

const sections = (changes: Change[]) =>
  changes.flatMap((c) =>
    c.kind === 'section'
      ? [`${c.section}@${c.page}`]
      : [c.kind === 'page' ? `page:${c.slug}` : c.kind === 'theme' ? `theme:${c.theme}` : c.kind],
  );

describe('engine/agents/builder: recognising instructions', () => {
  const cases: Array<[string, string[]]> = [
    ['Build a landing page with a signup form', ['hero@index', 'signup@index']],
    ['Add a HERO banner', ['hero@index']],
    ['let people join the waitlist', ['signup@index']],
    ['Add a newsletter subscription', ['signup@index']],
    ['Show our prices', ['pricing@index']],
    ['Add a Pricing Table and an F.A.Q.', ['pricing@index', 'faq@index']],
    ['answer frequently asked questions', ['faq@index']],
    ['a way to get in touch with us', ['contact@index']],
    ['Put a copyright footer at the bottom', ['footer']],
    ['Switch to dark mode', ['theme:dark']],
    ['Go back to a light theme', ['theme:light']],
    ['remove the dark theme', ['theme:light']],
    ['Add an about page', ['page:about']],
    ['Add an About Us page with a contact form', ['page:about', 'contact@about']],
    ['Add a contact page', ['page:contact', 'contact@contact']],
    ['create a page called Team', ['page:team']],
    ['Make the whole page nicer', []],
    ['Hello there', []],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}" → ${expected.join(', ') || 'nothing'}`, () => {
      assert.deepEqual(sections(recognise(text)), expected);
    });
  }

  it('plans new changes and names the ones already there', () => {
    const first = planChanges(emptySite(), recognise('Build a landing page with a signup form'));
    assert.deepEqual(first.changes, [
      "add a hero with the project's name to index.html",
      'add a signup form to index.html',
    ]);
    const second = planChanges(first.site, recognise('Add a signup form and a footer'));
    assert.deepEqual(second.changes, ['add a footer to every page']);
    assert.deepEqual(second.unchanged, ['index.html already has a signup form']);
    assert.deepEqual(first.site.pages[0]!.sections, ['hero', 'signup'], 'the earlier model is left alone');
    assert.deepEqual(second.site.pages[0]!.sections, ['hero', 'signup']);
  });

  it('keeps sections in one order whatever order they were asked in', () => {
    const plan = planChanges(emptySite(), recognise('add a contact form, an FAQ and a hero'));
    assert.deepEqual(plan.site.pages[0]!.sections, ['hero', 'faq', 'contact']);
  });

  it('offers what it can build as a multi-select question, and maps the answer back', () => {
    const pause = whatToBuildPause('x');
    assert.equal(pause.questions?.length, 1);
    const options = pause.questions![0]!.options;
    assert.equal(options.length, 9);
    const changes = changesFromAnswers([
      { questionIndex: 0, selectedOptions: ['An FAQ', 'An about page'], text: 'dark mode' },
    ]);
    assert.deepEqual(sections(changes), ['faq@index', 'page:about', 'theme:dark']);
  });
});
