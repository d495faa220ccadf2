/** The Session API's messages: send one (bilt_send_message's rules), read them oldest first after a seq cursor. */
import { MessagesQuery, NoQuery, SendMessageBody, toApiMessage } from '../../core/contract/sessionApi';
import { LIMITS } from '../../core/limits';
import { parseBody, parseQuery, type ApiAnswer, type ApiCall } from './apiInput';

export async function sendMessageRoute({ req, url, svc, sessionId }: ApiCall): Promise<ApiAnswer> {
  parseQuery(NoQuery, url);
  const body = await parseBody(SendMessageBody, req);
  const { workflow, message } = await svc.sendSessionMessage(sessionId, body.content);
  return {
    status: 200,
    body: { message_id: message.id, status: 'sent', timestamp: message.createdAt, workflow_id: workflow.id },
  };
}

export async function messagesRoute({ url, svc, sessionId }: ApiCall): Promise<ApiAnswer> {
  const query = parseQuery(MessagesQuery, url);
  const page = svc.messagesAfter(sessionId, query.after ?? 0, query.limit ?? LIMITS.messagesLimitMax);
  return {
    status: 200,
    body: {
      messages: page.messages.map(toApiMessage),
      next_cursor: page.messages.at(-1)?.seq ?? null,
      has_more: page.hasMore,
      total: page.total,
    },
  };
}
