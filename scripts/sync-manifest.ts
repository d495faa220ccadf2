/**
 * Writes the parts of package.json that are derived from code (the agent tools' names, descriptions
 * and input schemas), so they are written once. `npm run sync-manifest`; a unit test fails when
 * package.json is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { agentToolContributions } from '../src/present/agentTools';

const file = path.resolve(__dirname, '../package.json');
const pkg = JSON.parse(readFileSync(file, 'utf8')) as { contributes: Record<string, unknown> };
pkg.contributes.languageModelTools = agentToolContributions();
writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
console.log(`package.json: ${agentToolContributions().length} language model tools`);
