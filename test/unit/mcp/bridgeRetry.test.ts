/**
 * The bridge after its local engine went away: a call whose connection failed is made once more on
 * the engine found again, but only when that cannot do a thing twice (a tool that reads, or a request
 * refused before it was sent); a remote upstream is never retried this way.
 */
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { BiltError } from '../../../src/core/errors';
import { createBridgeServer } from '../../../src/mcp/bridge/server';
import { FakeUpstream, PROJECT, SESSION_ID, view, WORKFLOW_ID } from './fakeUpstream';

async function connect(up: FakeUpstream) {
  const server = createBridgeServer(up, { waitTimeoutMs: 5000, log: () => undefined });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await server.connect(a);
  const client = new Client({ name: 'test', version: '1' });
  await client.connect(b);
  return client;
}

/** An upstream whose first `op` call fails with `error`, the next ones succeed with `ok`. */
function failingOnce(op: 'listProjects' | 'sendMessage', error: BiltError, ok: () => unknown, reconnects = true) {
  let calls = 0;
  const up = new FakeUpstream()
    .on('getSession', async () => view('completed'))
    .on(op, async () => {
      if (calls++ === 0) {
        throw error;
      }
      return ok();
    });
  up.reconnects = reconnects;
  return { up, calls: () => calls };
}

const refused = new BiltError('unavailable', 'The local engine is no longer at http://127.0.0.1:1', {
  message: 'ECONNREFUSED',
  sent: false,
});
const cutOff = new BiltError('unavailable', 'The connection closed', { message: 'other side closed' });
const sentOk = () => ({ workflowId: WORKFLOW_ID, status: 'running', workflow: undefined, subscriberCount: 0 });
const send = { name: 'bilt_send_message', arguments: { session_id: SESSION_ID, message: 'build' } };

describe('bridge (in-memory): one more try on the engine found again', () => {
  it('a read is retried once after a lost connection, on a fresh upstream', async () => {
    const { up, calls } = failingOnce('listProjects', cutOff, () => [PROJECT]);
    const r = (await (await connect(up)).callTool({ name: 'bilt_list_projects', arguments: {} })) as CallToolResult;
    assert.equal(r.isError, undefined, JSON.stringify(r.content));
    assert.deepEqual([calls(), up.resets], [2, 1]);
  });

  it('a send refused before it was sent is retried once; one cut off on the way is not', async () => {
    const safe = failingOnce('sendMessage', refused, sentOk);
    const ok = (await (await connect(safe.up)).callTool(send)) as CallToolResult;
    assert.equal(ok.isError, undefined, JSON.stringify(ok.content));
    assert.equal(safe.calls(), 2);
    const unsafe = failingOnce('sendMessage', cutOff, sentOk);
    const failed = (await (await connect(unsafe.up)).callTool(send)) as CallToolResult;
    assert.equal(failed.isError, true, 'a send that may have reached the engine is not repeated');
    assert.equal(unsafe.calls(), 1);
  });

  it('a remote upstream is not retried (the server is where it was)', async () => {
    const { up, calls } = failingOnce('listProjects', refused, () => [PROJECT], false);
    const r = (await (await connect(up)).callTool({ name: 'bilt_list_projects', arguments: {} })) as CallToolResult;
    assert.equal(r.isError, true);
    assert.equal(calls(), 1);
  });
});
