/** BiltClient against the emulator engine, one test body for both contracts: detection, projects, sessions, send, messages, cancel, errors. */
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import type { ProgressUpdate } from '../../src/api/backend';
import { CONTRACTS, newRef, rejectsWith, useClientEngine } from './support/client';
import { uniqueName, UUID_RE } from './support/fixture';
import { until } from '../support/until';

describe('wire: BiltClient on both contracts', () => {
  const quick = useClientEngine({ scenario: 'quick.json' });
  const slow = useClientEngine({ scenario: 'slow.json', speed: 1 });

  for (const c of CONTRACTS) {
    describe(`${c.name} (${c.kind})`, () => {
      it('detects the contract, its capabilities and the engine’s event stream', async () => {
        const client = await quick.connect(c);
        assert.equal(client.backend.kind, c.kind);
        const seed = c.name === 'seed';
        assert.deepEqual(client.backend.capabilities, {
          resume: seed,
          answerViaSend: !seed,
          events: true,
          visibility: seed,
          createProject: true,
          answers: true,
          pause: false,
          delete: false,
          missing: [],
        });
        assert.equal(client.eventsUrl, quick.engine.ready.eventsUrl);
      });

      it('creates, gets and lists projects (visibility only where the contract has it)', async () => {
        const client = await quick.connect(c);
        const name = uniqueName('proj');
        const p = await client.backend.createProject({
          name,
          description: 'made by the client',
          visibility: 'private',
        });
        assert.match(p.id, UUID_RE);
        assert.deepEqual(
          [p.name, p.description, p.visibility],
          [name, 'made by the client', c.name === 'seed' ? 'private' : 'public'],
        );
        assert.deepEqual(await client.backend.getProject(p.id), p);
        assert.deepEqual(
          (await client.backend.listProjects()).find((x) => x.id === p.id),
          p,
        );
        await rejectsWith(client.backend.createProject({ name }), 'conflict', {}, /already exists/);
        await rejectsWith(client.backend.getProject('00000000-0000-4000-8000-000000000000'), 'not_found');
      });

      it('a new project has an idle session with no workflow and no messages', async () => {
        const client = await quick.connect(c);
        const ref = await newRef(client);
        const v = await client.backend.getSession({ projectId: ref.projectId, sessionId: ref.sessionId });
        assert.match(v.session.id, UUID_RE);
        assert.deepEqual(
          [
            v.session.id,
            v.session.projectId,
            v.session.status,
            v.session.workflowId,
            v.session.messageCount,
            v.workflows,
          ],
          [ref.sessionId, ref.projectId, 'idle', null, 0, []],
        );
        const page = await client.backend.getMessages(ref, {});
        assert.deepEqual(page, { messages: [], total: 0, hasMore: false });
      });

      it('send with wait returns completed and reports progress; the session then shows the result', async () => {
        const client = await quick.connect(c);
        const ref = await newRef(client);
        const progress: ProgressUpdate[] = [];
        const r = await client.backend.sendMessage(ref, 'Build a todo app', {
          wait: true,
          onProgress: (p) => progress.push(p),
        });
        assert.match(r.workflowId, UUID_RE);
        assert.deepEqual([r.sessionId, r.status, r.timedOut], [ref.sessionId, 'completed', false]);
        assert.ok(progress.length >= 1, 'onProgress was called');
        assert.ok(
          progress.every((p) => p.percentage >= 0 && p.percentage <= 100),
          JSON.stringify(progress),
        );
        const v = await client.backend.getSession({ projectId: ref.projectId, sessionId: ref.sessionId });
        assert.deepEqual(
          [v.session.status, v.session.workflowId, v.workflows[0]?.id, v.workflows[0]?.status],
          ['completed', r.workflowId, r.workflowId, 'completed'],
        );
        assert.equal(
          v.workflows[0]?.result?.url,
          `https://${(await client.backend.getProject(ref.projectId)).name}.quick.test`,
        );
      });

      it('getMessages pages newest first with total, hasMore and seqs that match the positions', async () => {
        const client = await quick.connect(c);
        const ref = await newRef(client);
        await client.backend.sendMessage(ref, 'Build a blog', { wait: true });
        const all = await client.backend.getMessages(ref, { limit: 100 });
        const n = all.total;
        assert.ok(n >= 4, `a few messages (${n})`);
        assert.deepEqual(
          all.messages.map((m) => m.seq),
          Array.from({ length: n }, (_, i) => n - i),
        );
        const oldest = all.messages.at(-1)!;
        assert.deepEqual([oldest.side, oldest.text, oldest.sessionId], ['user', 'Build a blog', ref.sessionId]);
        const pages = [];
        for (let offset = 0; offset < n; offset += 2) {
          const page = await client.backend.getMessages(ref, { limit: 2, offset });
          assert.deepEqual([page.total, page.hasMore], [n, offset + 2 < n], `page at ${offset}`);
          pages.push(...page.messages);
        }
        assert.deepEqual(pages, all.messages);
      });

      it('cancel of a completed workflow is illegal_state with the current status', async () => {
        const client = await quick.connect(c);
        const ref = await newRef(client);
        await client.backend.sendMessage(ref, 'Build it', { wait: true });
        await rejectsWith(
          client.backend.cancel(ref),
          'illegal_state',
          { current_status: 'completed' },
          /Cannot cancel workflow/,
        );
      });

      it('send without wait returns at once with the running workflow; a second send is a conflict; cancel ends it', async () => {
        const client = await slow.connect(c);
        const ref = await newRef(client);
        const started = Date.now();
        const r = await client.backend.sendMessage(ref, 'Build something slow');
        assert.ok(Date.now() - started < 3000, `returned in ${Date.now() - started} ms`);
        assert.match(r.workflowId, UUID_RE);
        assert.ok(['pending', 'running'].includes(r.status), r.status);
        const v = await client.backend.getSession({ projectId: ref.projectId, sessionId: ref.sessionId });
        assert.deepEqual([v.session.status, v.workflows[0]?.id], ['running', r.workflowId]);

        await rejectsWith(
          client.backend.sendMessage(ref, 'And another'),
          'conflict',
          { current_status: 'running' },
          /already in progress/,
        );
        const cancelled = await client.backend.cancel(ref, 'changed my mind');
        assert.equal(cancelled.workflowId, r.workflowId);
        assert.ok(!Number.isNaN(Date.parse(cancelled.cancelledAt)));
        const after = await client.backend.getSession({ projectId: ref.projectId, sessionId: ref.sessionId });
        assert.equal(after.session.status, 'cancelled');
        await rejectsWith(client.backend.cancel(ref), 'illegal_state', { current_status: 'cancelled' });
      });

      it('a long-lived signal (a watch’s) does not collect an abort listener per call', async () => {
        const client = await quick.connect(c);
        const ctl = new AbortController();
        for (let i = 0; i < 12; i++) {
          await client.backend.listProjects({ signal: ctl.signal });
        }
        assert.equal(getEventListeners(ctl.signal, 'abort').length, 0);
      });

      it("aborting a waiting send rejects with the caller's AbortError (the workflow runs on)", async () => {
        const client = await slow.connect(c);
        const ref = await newRef(client);
        const ctl = new AbortController();
        const sending = client.backend.sendMessage(ref, 'Build and wait', { wait: true, signal: ctl.signal });
        sending.catch(() => undefined);
        await until(
          async () => (await client.backend.getSession(ref)).session.status === 'running',
          'the workflow to run',
        );
        ctl.abort();
        await assert.rejects(sending, { name: 'AbortError' });
        assert.equal((await client.backend.getSession(ref)).session.status, 'running');
        await client.backend.cancel(ref);
      });
    });
  }
});
