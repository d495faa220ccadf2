/**
 * A Session API gateway's endpoints, one method each, every answer parsed leniently with zod
 * (src/api/contracts/sessionApiWire.ts). Paths are under the gateway's root (see sessionApiOpen.ts).
 */
import { isBiltError } from '../../core/errors';
import type { CallOptions } from '../backend';
import type { RestConnection } from '../http/restConnection';
import { parseAnswer } from './parse';
import { GatewayListIn, GatewayMessagesIn, GatewaySendIn, GatewaySessionIn } from './sessionApiWire';

export const SESSIONS_PATH = '/api/sessions';
const sessionPath = (id: string) => `${SESSIONS_PATH}/${encodeURIComponent(id)}`;

/** The statuses a client sets: active continues the work, paused pauses it, failed stops it for good. */
export type SettableStatus = 'active' | 'paused' | 'failed';

export class GatewayCalls {
  constructor(readonly rest: RestConnection) {}

  async list(o?: CallOptions) {
    return parseAnswer('GET /api/sessions', GatewayListIn, await this.rest.request('GET', SESSIONS_PATH, o));
  }
  async get(id: string, o?: CallOptions) {
    return parseAnswer('GET /api/sessions/:id', GatewaySessionIn, await this.rest.request('GET', sessionPath(id), o));
  }
  /** The session as the answer gives it, or undefined when the answer is no session (the API does not say). */
  async setStatus(id: string, status: SettableStatus, o?: CallOptions) {
    const answer = await this.rest.request('PATCH', sessionPath(id), { body: { status }, signal: o?.signal });
    const parsed = GatewaySessionIn.safeParse(answer);
    return parsed.success ? parsed.data : undefined;
  }
  async remove(id: string, force: boolean, o?: CallOptions): Promise<void> {
    await this.rest.request('DELETE', sessionPath(id), { query: { force: force || undefined }, signal: o?.signal });
  }
  async send(id: string, content: string, o?: CallOptions) {
    const answer = await this.rest.request('POST', `${sessionPath(id)}/message`, {
      body: { content },
      signal: o?.signal,
    });
    return GatewaySendIn.parse(answer ?? {});
  }
  async messages(id: string, query: { after: number; limit: number }, o?: CallOptions) {
    return parseAnswer(
      'GET /api/sessions/:id/messages',
      GatewayMessagesIn,
      await this.rest.request('GET', `${sessionPath(id)}/messages`, { query, signal: o?.signal }),
    );
  }

  /** Whether `e`, from an endpoint of session `id`, says the endpoint itself is missing: 405, or 404 while the session exists. */
  async endpointMissing(e: unknown, id: string, o?: CallOptions): Promise<boolean> {
    const status = isBiltError(e) ? e.details['status'] : undefined;
    return (
      status === 405 ||
      (status === 404 &&
        (await this.get(id, o).then(
          () => true,
          () => false,
        )))
    );
  }
}
