/** Starting the command agent on a fake context, with a bounded `done`. */
import { createAgent } from '../../../../src/engine/agents';
import type { AgentOptions } from '../../../../src/engine/agents/types';
import { FakeContext, within } from './fakeContext';

export function runCommand(command: string, options: AgentOptions = {}, ctx = new FakeContext()) {
  const run = createAgent('command', { command, ...options }).start(ctx);
  return { ctx, run, done: within(run.done, 8000, 'the command run') };
}
