/**
 * The clients of the kill loop: each creates projects, sends, reads, cancels and answers at random
 * until the engine dies under it, and records what the engine acknowledged (an answer that arrived).
 * A call whose answer never came is not acknowledged: the engine may or may not have done it.
 */
import type { TestMcp } from '../../test/support/mcpClient';
import type { Rng } from './fuzzValues';

export interface AckedWorkflow {
  sessionId: string;
  /** The last status an answer showed. */
  status: string;
}

export interface Acked {
  projects: Map<string, string>;
  /** session id → project id */
  sessions: Map<string, string>;
  workflows: Map<string, AckedWorkflow>;
  /** session id → seq → the message as a read returned it */
  messages: Map<string, Map<number, { id: string; text: string }>>;
  /** acknowledged calls by kind */
  calls: Record<string, number>;
}

export const emptyAcked = (): Acked => ({
  projects: new Map(),
  sessions: new Map(),
  workflows: new Map(),
  messages: new Map(),
  calls: {},
});

export const TERMINAL = new Set(['completed', 'cancelled', 'failed']);

interface SessionRead {
  status: string;
  workflows: Array<{ workflow_id: string; status: string }>;
  pause?: { type: string; questions?: Array<{ options: string[] }> };
}

type Op = (mcp: TestMcp, acked: Acked, rng: Rng, mine: string[], tag: string) => Promise<string>;

const ops: Array<[number, Op]> = [
  [
    3,
    async (mcp, acked, rng, mine, tag) => {
      const p = await mcp.call<{ id: string; name: string }>('bilt_create_project', { name: `${tag}-${rng.int(1e9)}` });
      acked.projects.set(p.id, p.name);
      const s = await mcp.call<{ session_id: string }>('bilt_get_session', { project_id: p.id });
      acked.sessions.set(s.session_id, p.id);
      mine.push(s.session_id);
      return 'create';
    },
  ],
  [
    4,
    async (mcp, acked, rng, mine) => {
      const sessionId = rng.pick(mine);
      const message = `lines=${5 + rng.int(40)} seconds=${rng.int(4)}`;
      const sent = await mcp.call<{ workflow_id: string; status: string }>('bilt_send_message', {
        session_id: sessionId,
        message,
      });
      acked.workflows.set(sent.workflow_id, { sessionId, status: sent.status });
      return 'send';
    },
  ],
  [
    3,
    async (mcp, acked, rng, mine) => {
      const sessionId = rng.pick(mine);
      const page = await mcp.call<{ messages: Array<{ id: string; seq: number; message: string }> }>(
        'bilt_get_messages',
        {
          session_id: sessionId,
          limit: 50,
        },
      );
      const seen = acked.messages.get(sessionId) ?? new Map();
      acked.messages.set(sessionId, seen);
      page.messages.forEach((m) => seen.set(m.seq, { id: m.id, text: m.message }));
      return 'read';
    },
  ],
  [
    2,
    async (mcp, acked, rng, mine) => {
      const sessionId = rng.pick(mine);
      const s = await mcp.call<SessionRead>('bilt_get_session', { session_id: sessionId });
      for (const w of s.workflows) {
        const known = acked.workflows.get(w.workflow_id);
        if (known) {
          known.status = w.status;
        }
      }
      return 'status';
    },
  ],
  [
    2,
    async (mcp, acked, rng, mine) => {
      const sessionId = rng.pick(mine);
      const c = await mcp.call<{ workflow_id: string; status: string }>('bilt_cancel_workflow', {
        session_id: sessionId,
      });
      acked.workflows.set(c.workflow_id, { sessionId, status: c.status });
      return 'cancel';
    },
  ],
  [
    2,
    async (mcp, acked, rng, mine) => {
      const sessionId = rng.pick(mine);
      const s = await mcp.call<SessionRead>('bilt_get_session', { session_id: sessionId });
      if (s.status !== 'paused' || s.pause?.type !== 'questions') {
        return 'status';
      }
      const answers = (s.pause.questions ?? []).map((q, i) =>
        q.options.length ? { question_index: i, selected_options: [q.options[0]!] } : { question_index: i, text: 'no' },
      );
      const r = await mcp.call<{ workflow_id: string; status: string }>('bilt_resume_workflow', {
        session_id: sessionId,
        answers,
      });
      acked.workflows.set(r.workflow_id, { sessionId, status: r.status });
      return 'answer';
    },
  ],
];

const totalWeight = ops.reduce((n, [w]) => n + w, 0);

/** Acts until `stop` fires (the engine is about to be killed) or the engine stops answering. */
export async function actor(mcp: TestMcp, acked: Acked, rng: Rng, tag: string, stop: AbortSignal): Promise<void> {
  const mine: string[] = [];
  while (!stop.aborted) {
    let roll = rng.int(totalWeight);
    const op = mine.length === 0 ? ops[0]![1] : ops.find(([w]) => (roll -= w) < 0)![1];
    try {
      const kind = await op(mcp, acked, rng, mine, tag);
      acked.calls[kind] = (acked.calls[kind] ?? 0) + 1;
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      // refusals (a workflow in progress, nothing to cancel, …) are answers too; a dead engine ends the actor
      if (!/failed: \[/.test(text)) {
        return;
      }
    }
  }
}
