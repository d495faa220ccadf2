/** Answering a questions pause through BiltClient on both contracts (seed: resume with answers; live: send with answers); resume where there is none. */
import assert from 'node:assert/strict';
import type { SessionRef, SessionView } from '../../src/api/backend';
import type { BiltClient } from '../../src/api/client';
import type { SessionStatus } from '../../src/core/status';
import { until } from '../support/until';
import { CONTRACTS, newRef, rejectsWith, useClientEngine } from './support/client';

const reaches = (client: BiltClient, ref: SessionRef, status: SessionStatus): Promise<SessionView> =>
  until(async () => {
    const v = await client.backend.getSession(ref);
    return v.session.status === status && v;
  }, `the session to be ${status}`);

describe('wire: BiltClient answers questions', () => {
  const e = useClientEngine({ scenario: 'questions.json' });

  for (const c of CONTRACTS) {
    describe(`${c.name} (${c.kind})`, () => {
      it('pauses with the questions in core form, refuses a wrong answer, and completes after the right ones', async () => {
        const client = await e.connect(c);
        const ref = await newRef(client);
        const sent = await client.backend.sendMessage(ref, 'Build a landing page');
        const paused = await reaches(client, ref, 'paused');
        const w = paused.workflows[0]!;
        assert.equal(w.id, sent.workflowId);
        assert.equal(w.pause?.type, 'questions');
        assert.deepEqual(
          w.pause?.questions?.map((q) => [q.question, q.options, q.multiSelect, q.allowText]),
          [
            ['Which colour scheme?', ['Blue', 'Green'], false, false],
            ['Anything else?', [], false, true],
          ],
        );

        await rejectsWith(
          client.backend.answer(ref, w.id, [{ questionIndex: 0, selectedOptions: ['Purple'] }]),
          'invalid_input',
          {},
          /"Purple" is not an option of question 0/,
        );
        await rejectsWith(client.backend.sendMessage(ref, 'Something new'), 'conflict', { current_status: 'paused' });

        const status = await client.backend.answer(ref, w.id, [
          { questionIndex: 0, selectedOptions: ['Green'] },
          { questionIndex: 1, selectedOptions: [], text: 'Dark mode please' },
        ]);
        assert.ok(['pending', 'running', 'completed'].includes(status), status);
        const done = await reaches(client, ref, 'completed');
        assert.deepEqual([done.workflows[0]?.id, done.workflows[0]?.pause], [w.id, null]);
        const texts = (await client.backend.getMessages(ref, { limit: 100 })).messages.map((m) => m.text);
        assert.ok(
          texts.some((t) => t.startsWith('Built ')),
          texts.join(' | '),
        );
      });

      if (c.name === 'live') {
        it('resume is unsupported and says what to do instead', async () => {
          const client = await e.connect(c);
          const ref = await newRef(client);
          await rejectsWith(
            client.backend.resume(ref),
            'unsupported',
            { current_status: 'idle' },
            /no resume operation: there is no paused workflow to resume \(status: idle\)/,
          );
          await client.backend.sendMessage(ref, 'Build a shop');
          await reaches(client, ref, 'paused');
          await rejectsWith(
            client.backend.resume(ref),
            'unsupported',
            { current_status: 'paused' },
            /waits for answers to its questions: answer them instead/,
          );
          await client.backend.cancel(ref);
        });
      } else {
        it('resume without answers is refused while questions wait, and is illegal once nothing is paused', async () => {
          const client = await e.connect(c);
          const ref = await newRef(client);
          await rejectsWith(
            client.backend.resume(ref),
            'illegal_state',
            { current_status: 'idle' },
            /Cannot resume workflow/,
          );
          await client.backend.sendMessage(ref, 'Build a shop');
          await reaches(client, ref, 'paused');
          await rejectsWith(client.backend.resume(ref), 'invalid_input', { field: 'answers' }, /answers is required/);
          await client.backend.cancel(ref);
          await rejectsWith(
            client.backend.resume(ref),
            'illegal_state',
            { current_status: 'cancelled' },
            /cannot be resumed/,
          );
        });
      }
    });
  }
});
