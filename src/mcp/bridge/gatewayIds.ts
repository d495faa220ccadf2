/**
 * The seed tools take UUIDs (session_id, project_id), and their schemas are the engine's, word for
 * word. A Session API gateway's ids need not be UUIDs ("session-abc123"): for such an upstream the
 * bridge shows each id that is not a UUID as a stable name-based UUID (SHA-1, RFC 4122 version 5
 * layout) and maps it back on the way in. Ids it has not shown pass through unchanged.
 */
import { createHash } from 'node:crypto';
import type { BiltBackend, SessionRef, SessionView } from '../../api/backend';
import type { Message, Project, Workflow } from '../../core/model';
import type { UpstreamClient } from './context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class IdMap {
  private readonly real = new Map<string, string>();

  /** The id as agents see it. */
  shown(id: string): string {
    if (UUID.test(id)) {
      return id;
    }
    const h = createHash('sha1').update(`bilt-gateway-id:${id}`).digest('hex');
    const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
    const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    this.real.set(uuid, id);
    return uuid;
  }

  /** The gateway's own id for one an agent sent. */
  actual(id: string): string {
    return this.real.get(id) ?? id;
  }

  ref(ref: SessionRef): SessionRef {
    return { sessionId: this.actual(ref.sessionId), projectId: this.actual(ref.projectId) };
  }

  project(p: Project): Project {
    return { ...p, id: this.shown(p.id) };
  }

  workflow(w: Workflow): Workflow {
    return { ...w, id: this.shown(w.id), sessionId: this.shown(w.sessionId), projectId: this.shown(w.projectId) };
  }

  view(v: SessionView): SessionView {
    const s = v.session;
    const session = {
      ...s,
      id: this.shown(s.id),
      projectId: this.shown(s.projectId),
      workflowId: s.workflowId && this.shown(s.workflowId),
    };
    return { session, workflows: v.workflows.map((w) => this.workflow(w)) };
  }

  message(m: Message): Message {
    return { ...m, sessionId: this.shown(m.sessionId), workflowId: m.workflowId && this.shown(m.workflowId) };
  }
}

function mapBackend(b: BiltBackend, ids: IdMap): BiltBackend {
  return {
    kind: b.kind,
    capabilities: b.capabilities,
    listProjects: async (o) => (await b.listProjects(o)).map((p) => ids.project(p)),
    getProject: async (id, o) => ids.project(await b.getProject(ids.actual(id), o)),
    createProject: async (input, o) => ids.project(await b.createProject(input, o)),
    getSession: async (q, o) => {
      const query = {
        ...(q.projectId ? { projectId: ids.actual(q.projectId) } : {}),
        ...(q.sessionId ? { sessionId: ids.actual(q.sessionId) } : {}),
      };
      return ids.view(await b.getSession(query, o));
    },
    sendMessage: async (ref, message, o) => {
      const r = await b.sendMessage(ids.ref(ref), message, o);
      const workflow = r.workflow && ids.workflow(r.workflow);
      return { ...r, sessionId: ids.shown(r.sessionId), workflowId: ids.shown(r.workflowId), workflow };
    },
    answer: (ref, workflowId, answers, o) => b.answer(ids.ref(ref), ids.actual(workflowId), answers, o),
    resume: (ref, o) => b.resume(ids.ref(ref), o),
    cancel: async (ref, reason, o) => {
      const r = await b.cancel(ids.ref(ref), reason, o);
      return { ...r, workflowId: r.workflowId && ids.shown(r.workflowId) };
    },
    getMessages: async (ref, page, o) => {
      const r = await b.getMessages(ids.ref(ref), page, o);
      return { ...r, messages: r.messages.map((m) => ids.message(m)) };
    },
    close: () => b.close(),
  };
}

/** The client as seed tools need it: itself, or for a gateway with ids mapped both ways. */
export function withSeedIds(client: UpstreamClient, ids: IdMap): UpstreamClient {
  if (client.backend.kind !== 'session-api') {
    return client;
  }
  return {
    backend: mapBackend(client.backend, ids),
    watch: (ref, o) => mapEvents(client.watch(ids.ref(ref), o), ids),
  };
}

async function* mapEvents(
  events: ReturnType<UpstreamClient['watch']>,
  ids: IdMap,
): ReturnType<UpstreamClient['watch']> {
  for await (const e of events) {
    if (e.type === 'session') {
      yield { type: 'session', view: ids.view(e.view) };
    } else if (e.type === 'messages') {
      yield { type: 'messages', messages: e.messages.map((m) => ids.message(m)) };
    } else {
      yield e;
    }
  }
}
