/**
 * The app's two forms: real HTML forms that app.js validates, stores in the browser's localStorage and
 * lists back. The rules app.js checks are the fields' own attributes (required, type, minlength, maxlength).
 */
import { escapeHtml as e } from './escape';
import type { SiteInfo } from './sectionTemplates';

interface Field {
  name: string;
  label: string;
  type: 'text' | 'email' | 'textarea';
  autocomplete?: string;
  minlength?: number;
  maxlength: number;
}

interface FormSpec {
  id: 'signup' | 'contact';
  title: string;
  intro: string;
  /** localStorage list the submissions go to. */
  store: string;
  fields: Field[];
  submit: string;
  /** Shown after a submission; `{name}` is the submitted name. */
  thanks: string;
  listTitle: string;
}

export function signupSection(info: SiteInfo): string {
  return formSection({
    id: 'signup',
    title: 'Sign up',
    intro: `Be the first to hear about ${info.name}: leave your name and email address.`,
    store: 'signups',
    fields: [
      { name: 'name', label: 'Name', type: 'text', autocomplete: 'name', maxlength: 100 },
      { name: 'email', label: 'Email', type: 'email', autocomplete: 'email', maxlength: 254 },
    ],
    submit: 'Sign up',
    thanks: 'Thanks, {name}! You are signed up.',
    listTitle: 'Sign-ups saved in this browser',
  });
}

export function contactSection(info: SiteInfo): string {
  return formSection({
    id: 'contact',
    title: 'Contact us',
    intro: `Questions about ${info.name}? Send us a message.`,
    store: 'messages',
    fields: [
      { name: 'name', label: 'Name', type: 'text', autocomplete: 'name', maxlength: 100 },
      { name: 'email', label: 'Email', type: 'email', autocomplete: 'email', maxlength: 254 },
      { name: 'message', label: 'Message', type: 'textarea', minlength: 10, maxlength: 2000 },
    ],
    submit: 'Send message',
    thanks: 'Thanks, {name}! Your message is saved.',
    listTitle: 'Messages sent from this browser',
  });
}

function formSection(f: FormSpec): string {
  return [
    `<section class="form-section ${f.id}" id="${f.id}" aria-labelledby="${f.id}-title">`,
    `<h2 id="${f.id}-title">${e(f.title)}</h2>`,
    `<p>${e(f.intro)}</p>`,
    `<form class="stored-form" data-store="${f.store}" data-thanks="${e(f.thanks)}" novalidate>`,
    ...f.fields.map((field) => fieldHtml(f.id, field)),
    `<p class="form-error" id="${f.id}-error" hidden></p>`,
    `<p><button type="submit">${e(f.submit)}</button></p>`,
    '</form>',
    `<p class="form-status" id="${f.id}-status" role="status"></p>`,
    `<h3>${e(f.listTitle)}</h3>`,
    `<ul class="entries" id="${f.id}-entries" data-empty="Nothing yet."></ul>`,
    '</section>',
  ].join('\n');
}

function fieldHtml(formId: string, field: Field): string {
  const id = `${formId}-${field.name}`;
  const attrs = [
    `id="${id}"`,
    `name="${field.name}"`,
    ...(field.autocomplete ? [`autocomplete="${field.autocomplete}"`] : []),
    'required',
    ...(field.minlength !== undefined ? [`minlength="${field.minlength}"`] : []),
    `maxlength="${field.maxlength}"`,
  ].join(' ');
  const control =
    field.type === 'textarea' ? `<textarea ${attrs} rows="5"></textarea>` : `<input type="${field.type}" ${attrs}>`;
  return `<p class="field">\n<label for="${id}">${e(field.label)}</label>\n${control}\n</p>`;
}
