/**
 * package.json's `contributes.languageModelTools`, generated from the tools' one definition
 * (src/core/contract/agentTools.ts) by `npm run sync-manifest`; a unit test fails when they differ.
 * Each tool's `when` offers it only in the tool set the user chose, and write tools not in read-only mode.
 */
import { AGENT_TOOL_NAMES, AGENT_TOOLS, agentToolJsonSchema } from '../../core/contract/agentTools';
import { SETTINGS, TOOL_SETS } from '../ids';

const setting = (key: string) => `config.${SETTINGS.section}.${key}`;
const offered = [TOOL_SETS.languageModelTools, TOOL_SETS.both].map(
  (set) => `${setting(SETTINGS.agentTools)} == ${set}`,
);
const writable = `!${setting(SETTINGS.agentReadOnly)}`;

export function agentToolContributions() {
  return AGENT_TOOL_NAMES.map((name) => ({
    name,
    displayName: AGENT_TOOLS[name].title,
    toolReferenceName: name.replace(/^bilt_/, 'bilt-'),
    canBeReferencedInPrompt: true,
    icon: '$(package)',
    tags: ['bilt'],
    userDescription: AGENT_TOOLS[name].description,
    modelDescription: AGENT_TOOLS[name].description,
    inputSchema: agentToolJsonSchema(name),
    // `&&` binds tighter than `||`: (offered in this set and writable) or (offered in the other set and writable)
    when: offered.map((o) => (AGENT_TOOLS[name].risk === 'read' ? o : `${o} && ${writable}`)).join(' || '),
  }));
}
