/** Reading the recorded coding-agent transcripts in test/fixtures/agents through a parser. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LineAction, LineParser } from '../../../../src/engine/agents/command/actions';

export const FIXTURES = path.resolve(__dirname, '../../../fixtures/agents');

export const fixture = (name: string) => path.join(FIXTURES, name);

/** Every line of the fixture through the parser, flattened. */
export function parseFixture(name: string, parse: LineParser): LineAction[] {
  return readFileSync(fixture(name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap((l) => parse(l));
}

export const log = (text: string): LineAction => ({ type: 'say', text, variant: 'log' });
export const info = (text: string): LineAction => ({ type: 'say', text, variant: 'info' });
export const step = (currentStep: string): LineAction => ({ type: 'step', currentStep });
