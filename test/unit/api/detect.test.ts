/** Which contract a server speaks, from its tools/list (built here from the contract's own input schemas). */
import assert from 'node:assert/strict';
import { z } from 'zod';
import { detectContract } from '../../../src/api/contracts/detect';
import type { ToolInfo } from '../../../src/api/mcp/connection';
import { isBiltError } from '../../../src/core/errors';
import { liveInputs, LIVE_TOOL_NAMES } from '../../../src/core/contract/live';
import { seedInputs, SEED_TOOL_NAMES } from '../../../src/core/contract/seed';

const tool = (name: string, schema: z.ZodType): ToolInfo => ({
  name,
  inputSchema: z.toJSONSchema(schema, { io: 'input' }) as ToolInfo['inputSchema'],
});
const seedTools = () => SEED_TOOL_NAMES.map((n) => tool(n, seedInputs[n]));
const liveTools = () => LIVE_TOOL_NAMES.map((n) => tool(n, liveInputs[n]));
const URL_ = 'http://127.0.0.1:9/mcp';

function unsupported(tools: ToolInfo[], message: RegExp): void {
  assert.throws(
    () => detectContract(tools, URL_),
    (e) => {
      assert.ok(isBiltError(e));
      assert.equal(e.code, 'unsupported');
      assert.equal(e.message, `${URL_} is not a Bilt-compatible MCP server`);
      assert.match(String(e.details['message']), message);
      return true;
    },
  );
}

describe('api/contracts/detect', () => {
  it('seed: bilt_send_message keyed by session_id', () => {
    assert.deepEqual(detectContract(seedTools(), URL_), { kind: 'mcp-seed', paginates: true });
  });

  it('live: bilt_send_message keyed by projectId; paging when bilt_get_messages takes limit', () => {
    assert.deepEqual(detectContract(liveTools(), URL_), { kind: 'mcp-live', paginates: true });
    const noPaging = liveTools().map((t) =>
      t.name === 'bilt_get_messages' ? tool(t.name, z.strictObject({ projectId: z.string() })) : t,
    );
    assert.deepEqual(detectContract(noPaging, URL_), { kind: 'mcp-live', paginates: false });
    const noMessages = liveTools().filter((t) => t.name !== 'bilt_get_messages');
    assert.deepEqual(detectContract(noMessages, URL_), { kind: 'mcp-live', paginates: false });
  });

  it('tool order and extra tools do not matter', () => {
    const tools = [tool('weather', z.object({ city: z.string() })), ...seedTools().reverse()];
    assert.equal(detectContract(tools, URL_).kind, 'mcp-seed');
  });

  it('a server without bilt_send_message is refused, naming the tools it has', () => {
    unsupported(
      [tool('get_weather', z.object({ city: z.string() })), tool('echo', z.object({}))],
      /no bilt_send_message tool \(tools: get_weather, echo\)/,
    );
    unsupported([], /no bilt_send_message tool \(tools: none\)/);
  });

  it('a bilt_send_message with neither key is refused, naming its parameters', () => {
    unsupported(
      [tool('bilt_send_message', z.object({ text: z.string(), room: z.string() }))],
      /neither session_id \(seed contract\) nor projectId \(live contract\): text, room/,
    );
    unsupported([{ name: 'bilt_send_message', inputSchema: {} }], /: no parameters/);
  });
});
