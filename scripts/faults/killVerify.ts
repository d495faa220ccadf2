/**
 * What must hold after every restart of the kill loop: every acknowledged project, workflow and
 * message is there unchanged; a workflow acknowledged as finished stays finished as it was; none is
 * still pending, running or paused (the engine that ran it is gone), and one stopped by the kill is
 * failed as interrupted, and can be resumed.
 */
import type { TestMcp } from '../../test/support/mcpClient';
import type { Rng } from './fuzzValues';
import { TERMINAL, type Acked } from './killActors';

interface SessionRead {
  workflows: Array<{ workflow_id: string; status: string; interrupted: boolean }>;
}
interface Page {
  messages: Array<{ id: string; seq: number; message: string }>;
  total: number;
}

export interface Verified {
  problems: string[];
  projects: number;
  workflows: number;
  messages: number;
  /** Sessions whose latest workflow was interrupted by the kill (candidates to resume). */
  interrupted: string[];
  interruptedWorkflows: number;
}

/** Shown in a session read: its latest workflows only (the engine shows 20). */
const SHOWN = 20;

export async function verifyAcked(mcp: TestMcp, acked: Acked, rng: Rng, messageSamples: number): Promise<Verified> {
  const v: Verified = {
    problems: [],
    projects: 0,
    workflows: 0,
    messages: 0,
    interrupted: [],
    interruptedWorkflows: 0,
  };
  const { projects } = await mcp.call<{ projects: Array<{ id: string; name: string }> }>('bilt_list_projects');
  const names = new Map(projects.map((p) => [p.id, p.name]));
  for (const [id, name] of acked.projects) {
    v.projects++;
    if (names.get(id) !== name) {
      v.problems.push(`project ${name} (${id}) is missing`);
    }
  }
  const bySession = new Map<string, string[]>();
  for (const [id, w] of acked.workflows) {
    bySession.set(w.sessionId, [...(bySession.get(w.sessionId) ?? []), id]);
  }
  for (const [sessionId, ids] of bySession) {
    const s = await mcp.call<SessionRead>('bilt_get_session', { session_id: sessionId });
    const now = new Map(s.workflows.map((w) => [w.workflow_id, w]));
    if (s.workflows[0]?.interrupted) {
      v.interrupted.push(sessionId);
    }
    for (const id of ids) {
      const was = acked.workflows.get(id)!;
      const w = now.get(id);
      if (!w) {
        if (s.workflows.length < SHOWN) {
          v.problems.push(`workflow ${id} (acknowledged ${was.status}) is missing`);
        }
        continue;
      }
      v.workflows++;
      v.interruptedWorkflows += w.interrupted ? 1 : 0;
      if (TERMINAL.has(was.status) && w.status !== was.status) {
        v.problems.push(`workflow ${id} was acknowledged ${was.status}, is now ${w.status}`);
      } else if (!TERMINAL.has(w.status)) {
        v.problems.push(`workflow ${id} is ${w.status} after the restart (should be finished or interrupted)`);
      }
      was.status = w.status;
    }
  }
  const sessions = [...acked.messages].filter(([, seen]) => seen.size > 0);
  for (let i = 0; i < messageSamples && sessions.length > 0; i++) {
    const [sessionId, seen] = rng.pick(sessions);
    const seqs = [...seen.keys()];
    const seq = rng.pick(seqs);
    const first = await mcp.call<Page>('bilt_get_messages', { session_id: sessionId, limit: 1 });
    const maxSeq = Math.max(...seqs);
    if (first.total < maxSeq) {
      v.problems.push(`session ${sessionId} has ${first.total} messages, ${maxSeq} were read before`);
      continue;
    }
    const got = await mcp.call<Page>('bilt_get_messages', {
      session_id: sessionId,
      limit: 1,
      offset: first.total - seq,
    });
    const m = got.messages[0];
    const want = seen.get(seq)!;
    v.messages++;
    if (m?.seq !== seq || m.id !== want.id || m.message !== want.text) {
      v.problems.push(`message ${seq} of session ${sessionId} changed or is missing`);
    }
  }
  return v;
}
