import { http, HttpResponse } from 'msw';
import { conversationSchema, messageSchema, type Conversation, type Message, type QuickReplyList } from '@/api/contract/conversation';
import { demoIds, type createTestBackend } from '@/testing/render';

export type Backend = ReturnType<typeof createTestBackend>;

export const CONVERSATION_ID = '0f5c2a9e-1b7d-4c3e-9a8f-6d5e4c3b2a10';
export const HOUR = 60 * 60 * 1000;

/** A conversation as the API answers it, checked against the contract so a shape change breaks the tests. */
export function aConversation(overrides: Partial<Conversation> = {}): Conversation {
  const waiting = (overrides.status ?? 'open') === 'open' && (overrides.assigneeId ?? null) === null;
  const mode = overrides.distributionMode ?? 'pick';
  return conversationSchema.parse({
    id: CONVERSATION_ID,
    accountId: demoIds.sandboxAccount,
    businessNumber: '+14155238886',
    workstreamId: demoIds.supportWorkstream,
    workstreamName: 'WhatsApp customer support',
    queueId: demoIds.generalQueue,
    queueName: 'General support',
    distributionMode: 'pick',
    customer: { waId: '358401234567', phone: '+358401234567', profileName: 'Maria Virtanen' },
    language: 'en',
    status: 'open',
    assigneeId: null,
    assigneeName: null,
    lastInboundAt: new Date(Date.now() - HOUR).toISOString(),
    windowClosedByTwilioAt: null,
    lastMessageAt: new Date(Date.now() - HOUR).toISOString(),
    lastMessagePreview: 'Where is my order?',
    waitingForReply: true,
    attachments: { customersCanSend: true, agentsCanSend: true },
    contextVariables: {},
    bot: null,
    createdAt: new Date(Date.now() - 2 * HOUR).toISOString(),
    queuedAt: new Date(Date.now() - 2 * HOUR).toISOString(),
    // As both backends say it: an open, unassigned conversation waits to be picked or for an agent.
    waitReason: waiting ? (mode === 'pick' ? 'pick' : 'noAgent') : null,
    closedAt: null,
    version: 3,
    ...overrides,
  });
}

let serial = 0;

export function aMessage(overrides: Partial<Message> = {}): Message {
  serial += 1;
  return messageSchema.parse({
    id: `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    conversationId: CONVERSATION_ID,
    direction: 'inbound',
    author: 'customer',
    authorName: null,
    body: 'Where is my order?',
    template: null,
    media: [],
    status: 'received',
    errorCode: null,
    note: null,
    twilioSid: null,
    createdAt: new Date(Date.now() - HOUR).toISOString(),
    ...overrides,
  });
}

/** An agent's reply with the given delivery status. */
export const aReply = (overrides: Partial<Message> = {}) =>
  aMessage({ direction: 'outbound', author: 'agent', authorName: 'Eero Agent', body: 'It ships today.', status: 'sent', ...overrides });

/** The requests the agent view sends, as the tests saw them. */
export interface Sent {
  messages: unknown[];
  uploads: { contentType: string | null; filename: string | null; size: number }[];
}

/**
 * Answers the conversation's endpoints from the given data (the other endpoints come from
 * the demo backend): the conversation, one page of messages, its quick replies (none unless
 * given), sending and uploading.
 */
export function serveConversation(backend: Backend, conversation: Conversation, messages: Message[] = [], quickReplies: QuickReplyList['items'] = []): Sent {
  const sent: Sent = { messages: [], uploads: [] };
  const base = `/api/conversations/${conversation.id}`;
  backend.server.use(
    http.get(base, () => HttpResponse.json(conversation)),
    http.get(`${base}/messages`, () => HttpResponse.json({ items: messages, previousCursor: null })),
    http.get(`${base}/quick-replies`, () => HttpResponse.json({ items: quickReplies })),
    http.post(`${base}/messages`, async ({ request }) => {
      const input = (await request.json()) as { kind: string; body?: string; mediaId?: string; templateId?: string; variables?: string[] };
      sent.messages.push(input);
      const message = aReply({
        conversationId: conversation.id,
        body: input.body ?? '',
        status: 'pending',
        createdAt: new Date().toISOString(),
        template: input.kind === 'template' ? { templateId: input.templateId ?? null, name: 'order_update', contentSid: null, variables: input.variables ?? [] } : null,
      });
      return HttpResponse.json(message, { status: 201 });
    }),
    http.post(`${base}/media`, async ({ request }) => {
      const bytes = await request.arrayBuffer();
      const filename = request.headers.get('x-filename');
      sent.uploads.push({ contentType: request.headers.get('content-type'), filename, size: bytes.byteLength });
      return HttpResponse.json(
        { id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', contentType: request.headers.get('content-type') ?? '', size: bytes.byteLength, filename: filename && decodeURIComponent(filename) },
        { status: 201 },
      );
    }),
  );
  return sent;
}
