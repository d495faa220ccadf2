/**
 * Writes the parts of package.json that are derived from code (the agent tools' names, descriptions,
 * input schemas and when clauses), so they are written once, formatted as Prettier formats the file.
 * `npm run sync-manifest`; a unit test fails when package.json is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { agentToolContributions } from '../src/ui/lmTools/contributions';

async function main(): Promise<void> {
  const file = path.resolve(__dirname, '../package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { contributes: Record<string, unknown> };
  pkg.contributes.languageModelTools = agentToolContributions();
  const options = { ...(await resolveConfig(file)), filepath: file };
  writeFileSync(file, await format(JSON.stringify(pkg, null, 2), options));
  console.log(`package.json: ${agentToolContributions().length} language model tools`);
}

void main();
