/**
 * When an instruction asks for nothing the builder knows: the question it pauses with (what it can
 * build, several at once), and the changes the user's answer picks.
 */
import type { Answer, Pause } from '../../../core/model';
import { clip } from '../text';
import { HOME, pageTitle, recognise, type Change } from './features';

const OPTIONS: ReadonlyArray<readonly [label: string, change: Change]> = [
  ["A hero with the project's name", { kind: 'section', section: 'hero', page: HOME }],
  ['A signup form', { kind: 'section', section: 'signup', page: HOME }],
  ['A contact form', { kind: 'section', section: 'contact', page: HOME }],
  ['A pricing table', { kind: 'section', section: 'pricing', page: HOME }],
  ['An FAQ', { kind: 'section', section: 'faq', page: HOME }],
  ['A footer', { kind: 'footer' }],
  ['A dark theme', { kind: 'theme', theme: 'dark' }],
  ['A light theme', { kind: 'theme', theme: 'light' }],
  ['An about page', { kind: 'page', slug: 'about', title: pageTitle('about') }],
];

export function whatToBuildPause(instruction: string): Pause {
  return {
    type: 'questions',
    message: `I don't know how to build "${clip(instruction.trim(), 120)}" yet. Choose what to add instead.`,
    questions: [
      {
        question: 'What should I build?',
        options: OPTIONS.map(([label]) => label),
        multiSelect: true,
        allowText: true,
      },
    ],
  };
}

/** The changes the answer chose: its options, and whatever its text asks for in words the builder knows. */
export function changesFromAnswers(answers: readonly Answer[]): Change[] {
  const changes: Change[] = [];
  for (const answer of answers) {
    for (const picked of answer.selectedOptions) {
      const option = OPTIONS.find(([label]) => label === picked);
      if (option) {
        changes.push(option[1]);
      }
    }
    if (answer.text?.trim()) {
      changes.push(...recognise(answer.text));
    }
  }
  return changes;
}
