/** GET /events over the wire: a session's workflow and message events, Last-Event-ID replay, subscriber_count. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { until } from '../support/until';
import { newSession, useEngine } from './support/fixture';
import { bearer, request, SseStream } from './support/http';

interface WorkflowData {
  workflow: { id: string; sessionId: string; status: string; result: { url?: string } | null };
  session: { id: string; status: string };
}
interface MessageData {
  message: { id: string; sessionId: string; seq: number; text: string };
}
type Frame = { id: number; event: string; data: WorkflowData & MessageData };

const completedOf = (workflowId: string) => (e: { event: string; data: string }) =>
  e.event === 'workflow' &&
  (JSON.parse(e.data) as WorkflowData).workflow.id === workflowId &&
  (JSON.parse(e.data) as WorkflowData).workflow.status === 'completed';

describe('wire: the event stream (/events)', () => {
  const t = useEngine({ scenario: 'quick.json' });
  const streams: SseStream[] = [];
  const open = async (query: string, headers: Record<string, string> = {}) => {
    const s = await SseStream.open(t.engine.ready, query, headers);
    streams.push(s);
    return s;
  };
  afterEach(() => streams.splice(0).forEach((s) => s.close()));

  it("streams exactly one session's workflow and message events for a send, in order", async () => {
    const { sessionId } = await newSession(t.seed, 'streamed');
    const other = await newSession(t.seed);
    const stream = await open(`?session_id=${sessionId}`);
    const ready = JSON.parse(stream.events[0]!.data) as { lastEventId: number; sessionId: string };
    assert.deepEqual([stream.events[0]!.event, stream.events[0]!.id, ready.sessionId], ['ready', undefined, sessionId]);

    await t.seed.call('bilt_send_message', {
      session_id: other.sessionId,
      message: 'Not for this stream',
      wait_for_response: true,
    });
    const sent = await t.seed.call('bilt_send_message', {
      session_id: sessionId,
      message: 'Stream me',
      wait_for_response: true,
    });
    await stream.next(completedOf(sent.workflow_id!), 'the completed workflow event');

    const frames = stream.frames() as Frame[];
    assert.ok(
      frames.every((f) => f.event === 'workflow' || f.event === 'message'),
      frames.map((f) => f.event).join(','),
    );
    assert.ok(
      frames.every(
        (f) => (f.event === 'workflow' ? f.data.workflow.sessionId : f.data.message.sessionId) === sessionId,
      ),
      'only this session',
    );
    assert.ok(
      frames.every((f, i) => i === 0 || f.id > frames[i - 1]!.id),
      'ids increase',
    );
    assert.ok(frames[0]!.id > ready.lastEventId, 'nothing before the stream opened is sent');
    const statuses = frames.filter((f) => f.event === 'workflow').map((f) => f.data.workflow.status);
    assert.deepEqual([statuses[0], statuses[1], statuses.at(-1)], ['pending', 'running', 'completed']);
    const last = frames.at(-1)!;
    assert.deepEqual(
      [last.data.workflow.result?.url, last.data.session.status],
      ['https://streamed.quick.test', 'completed'],
    );
    const streamed = frames
      .filter((f) => f.event === 'message')
      .map((f) => [f.data.message.id, f.data.message.seq, f.data.message.text]);
    const { messages } = await t.seed.call('bilt_get_messages', { session_id: sessionId });
    assert.deepEqual(
      streamed,
      messages.reverse().map((m) => [m.id, m.seq, m.message]),
      'every message was streamed, before the final status',
    );
  });

  it('reconnecting with Last-Event-ID replays exactly the missed events, then continues live', async () => {
    const { sessionId } = await newSession(t.seed);
    const witness = await open(`?session_id=${sessionId}`);
    const first = await open(`?session_id=${sessionId}`);
    const w1 = await t.seed.call('bilt_send_message', {
      session_id: sessionId,
      message: 'One',
      wait_for_response: true,
    });
    await first.next(completedOf(w1.workflow_id!), 'the first workflow to complete');
    const lastSeen = first.frames().at(-1)!.id;
    first.close();

    const w2 = await t.seed.call('bilt_send_message', {
      session_id: sessionId,
      message: 'Two',
      wait_for_response: true,
    });
    await witness.next(completedOf(w2.workflow_id!), 'the witness to see the second workflow complete');
    const missed = witness.frames().filter((f) => f.id > lastSeen);
    assert.ok(missed.length >= 5, `events were missed (${missed.length})`);

    const again = await open(`?session_id=${sessionId}`, { 'last-event-id': String(lastSeen) });
    await again.next((e) => e.id === String(missed.at(-1)!.id), 'the replay to reach the last missed event');
    assert.deepEqual(again.frames(), missed, 'exactly the missed events, in order, nothing twice');
    const byQuery = await open(`?session_id=${sessionId}&last_event_id=${lastSeen}`);
    await byQuery.next((e) => e.id === String(missed.at(-1)!.id), 'the replay by query parameter');
    assert.deepEqual(byQuery.frames(), missed);

    const w3 = await t.seed.call('bilt_send_message', {
      session_id: sessionId,
      message: 'Three',
      wait_for_response: true,
    });
    await again.next(completedOf(w3.workflow_id!), 'live events after the replay');
    assert.deepEqual(
      again.frames(),
      witness.frames().filter((f) => f.id > lastSeen),
    );
  });

  it('a malformed session_id is 400, an unknown one 404, another method 405', async () => {
    const bad = await request(t.engine.ready, '/events?session_id=abc', { headers: bearer(t.engine.ready) });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.json(), {
      error: 'Invalid request',
      details: { field: 'session_id', message: 'session_id must be a UUID' },
    });
    const id = randomUUID();
    const unknown = await request(t.engine.ready, `/events?session_id=${id}`, { headers: bearer(t.engine.ready) });
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.json(), { error: 'Session not found', details: { session_id: id } });
    assert.equal(
      (await request(t.engine.ready, '/events', { method: 'POST', headers: bearer(t.engine.ready) })).status,
      405,
    );
  });

  it("subscriber_count counts the open streams that receive the session's events", async () => {
    const { sessionId } = await newSession(t.seed);
    const other = await newSession(t.seed);
    const send = async () =>
      (await t.seed.call('bilt_send_message', { session_id: sessionId, message: 'Count', wait_for_response: true }))
        .subscriber_count;
    assert.equal(await send(), 0);
    const mine = await open(`?session_id=${sessionId}`);
    await open(`?session_id=${other.sessionId}`);
    assert.equal(await send(), 1, 'a stream of another session does not count');
    const all = await open('');
    assert.equal(await send(), 2, 'an unfiltered stream receives this session too');
    mine.close();
    all.close();
    await until(async () => (await send()) === 0, 'subscriber_count to drop to 0 once the streams are closed');
  });
});
