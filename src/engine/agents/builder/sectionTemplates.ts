/** The app's content sections that are not forms: hero, pricing table, FAQ. All text is escaped. */
import { escapeHtml as e } from './escape';
import type { SiteModel } from './siteModel';

/** What the templates need to know about the project. */
export interface SiteInfo {
  name: string;
  description: string | null;
  /** Keeps the app's stored submissions apart from other apps served from the same origin. */
  appKey: string;
  /** For the footer's copyright line. */
  year: number;
}

export interface CallToAction {
  href: string;
  label: string;
}

export function heroSection(info: SiteInfo, action: CallToAction | undefined): string {
  return [
    '<section class="hero" id="hero" aria-labelledby="hero-title">',
    `<h1 id="hero-title">${e(info.name)}</h1>`,
    ...(info.description ? [`<p class="lead">${e(info.description)}</p>`] : []),
    ...(action ? [`<p class="actions"><a class="button" href="${e(action.href)}">${e(action.label)}</a></p>`] : []),
    '</section>',
  ].join('\n');
}

const PLANS = [
  { name: 'Starter', price: '$0', features: ['1 project', 'Community support'] },
  { name: 'Pro', price: '$12', features: ['10 projects', 'Email support', 'Custom domain'] },
  { name: 'Team', price: '$39', features: ['Unlimited projects', 'Priority support', 'Shared workspace'] },
];

export function pricingSection(action: CallToAction | undefined): string {
  const plans = PLANS.map((plan, i) =>
    [
      `<li class="plan${i === 1 ? ' featured' : ''}">`,
      `<h3>${plan.name}</h3>`,
      `<p class="price"><span class="amount">${plan.price}</span> per month</p>`,
      '<ul class="plan-features">',
      ...plan.features.map((f) => `<li>${f}</li>`),
      '</ul>',
      ...(action ? [`<p><a class="button" href="${e(action.href)}">Choose ${plan.name}</a></p>`] : []),
      '</li>',
    ].join('\n'),
  );
  return [
    '<section class="pricing" id="pricing" aria-labelledby="pricing-title">',
    '<h2 id="pricing-title">Pricing</h2>',
    '<ul class="plans">',
    ...plans,
    '</ul>',
    '</section>',
  ].join('\n');
}

export function faqSection(info: SiteInfo, site: SiteModel): string {
  const has = (kind: string) => site.pages.some((p) => p.sections.some((s) => s === kind));
  const entries: Array<[string, string]> = [
    [`What is ${info.name}?`, info.description ?? `${info.name} is a new app built with Bilt.`],
    ...(has('signup')
      ? [['How do I sign up?', 'Fill in the signup form with your name and email address.'] as [string, string]]
      : []),
    ...(has('pricing')
      ? [['Can I change my plan later?', 'Yes, you can move to another plan at any time.'] as [string, string]]
      : []),
    ...(has('contact')
      ? [['How do I reach you?', 'Send us a message with the contact form.'] as [string, string]]
      : []),
    ['Where is my data kept?', 'What you enter in the forms stays in your own browser.'],
  ];
  return [
    '<section class="faq" id="faq" aria-labelledby="faq-title">',
    '<h2 id="faq-title">Frequently asked questions</h2>',
    ...entries.map(([q, a]) => `<details>\n<summary>${e(q)}</summary>\n<p>${e(a)}</p>\n</details>`),
    '</section>',
  ].join('\n');
}
