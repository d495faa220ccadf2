/**
 * A client that cancels a waiting call frees the wait in the engine: MCP notifications/cancelled for a
 * seed bilt_send_message with wait_for_response, and for the live send (which always blocks), reaches
 * the engine's waiter although every POST gets its own stateless SDK server; a client that goes away
 * frees it too. Proven by the engine's own count of active waiters (GET /engine/info `activity`).
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { until } from '../support/until';
import { newSession, uniqueName, useEngine } from './support/fixture';
import { bearer, mcpHeaders, request } from './support/http';

interface Activity {
  waiters: number;
  eventStreams: number;
  mcpCalls: number;
}

describe('wire: cancelling a waiting call frees the engine', function () {
  this.timeout(20_000);
  const t = useEngine({ scenario: 'slow.json', speed: 1 });
  const activity = async () =>
    (await request(t.engine.ready, '/engine/info', { headers: bearer(t.engine.ready) })).json<{ activity: Activity }>()
      .activity;
  const waitersReach = (n: number, what: string) =>
    until(async () => (await activity()).waiters === n && (await activity()), what, 5000);

  it('seed: notifications/cancelled for a wait_for_response send releases the waiter', async () => {
    const { sessionId } = await newSession(t.seed);
    const cancel = new AbortController();
    const call = t.seed.client.callTool(
      { name: 'bilt_send_message', arguments: { session_id: sessionId, message: 'go', wait_for_response: true } },
      undefined,
      { signal: cancel.signal, timeout: 60_000 },
    );
    call.catch(() => undefined);
    await waitersReach(1, 'the engine to wait for the workflow');
    cancel.abort('the user stopped waiting');
    await assert.rejects(call);
    await waitersReach(0, 'the waiter to be released');
    // the call's entry ends when its response closes, a moment after the waiter is released
    const after = await until(
      async () => (await activity()).mcpCalls === 0 && (await activity()),
      'the call to end',
      5000,
    );
    assert.equal(after.mcpCalls, 0, 'the call is over in the engine too');
    await t.seed.call('bilt_cancel_workflow', { session_id: sessionId });
  });

  it('live: a cancelled blocking send releases the waiter', async () => {
    const p = await t.live.call('bilt_create_project', { name: uniqueName('live-cancel') });
    const cancel = new AbortController();
    const call = t.live.client.callTool(
      { name: 'bilt_send_message', arguments: { projectId: p.id, message: 'go' } },
      undefined,
      { signal: cancel.signal, timeout: 60_000 },
    );
    call.catch(() => undefined);
    await waitersReach(1, 'the engine to wait for the workflow');
    cancel.abort();
    await assert.rejects(call);
    await waitersReach(0, 'the waiter to be released');
    await t.live.call('bilt_cancel_workflow', { projectId: p.id });
  });

  it('a client that goes away mid-wait releases the waiter', async () => {
    const { sessionId } = await newSession(t.seed);
    const body = JSON.stringify({
      jsonrpc: '2.0',
      id: 7,
      method: 'tools/call',
      params: {
        name: 'bilt_send_message',
        arguments: { session_id: sessionId, message: 'go', wait_for_response: true },
      },
    });
    const req = http.request({
      host: '127.0.0.1',
      port: t.engine.port,
      path: '/mcp',
      method: 'POST',
      headers: mcpHeaders(t.engine.ready),
    });
    req.on('error', () => undefined);
    req.end(body);
    await waitersReach(1, 'the engine to wait for the workflow');
    req.destroy();
    await waitersReach(0, 'the waiter to be released');
    await t.seed.call('bilt_cancel_workflow', { session_id: sessionId });
  });
});
