import type { Workstream } from '@/api/contract/workstream';
import type { WhatsAppSetupInput } from '@/api/contract/whatsapp-setup';
import { conversations, messageTemplates } from '../../server/db/schema';
import { freshNumber, type Channel } from './channel-fixture';
import type { TestServer } from './test-server';

type ConversationValues = Partial<typeof conversations.$inferInsert>;

/**
 * An open conversation of a channel straight in the database, as an inbound message
 * would have left it: in the fallback queue, the customer's last message `lastInboundAt`.
 */
export async function insertConversation(server: TestServer, channel: Channel, values: ConversationValues = {}) {
  const phone = freshNumber();
  const [row] = await server.context.db
    .insert(conversations)
    .values({
      accountId: channel.account.id,
      businessNumber: channel.number,
      workstreamId: channel.workstream?.id ?? null,
      queueId: channel.fallbackQueue.id,
      customerWaId: phone.slice(1),
      customerPhone: phone,
      profileName: 'Maija',
      language: 'en',
      lastInboundAt: server.context.now().toISOString(),
      lastMessageAt: server.context.now().toISOString(),
      lastMessagePreview: 'Hello',
      waitingForReply: true,
      ...values,
    })
    .returning();
  return row!;
}

/** A template of the channel's account straight in the database. */
export async function insertTemplate(server: TestServer, accountId: string, values: Partial<typeof messageTemplates.$inferInsert> = {}) {
  const [row] = await server.context.db
    .insert(messageTemplates)
    .values({
      accountId,
      name: `order_update_${Math.random().toString(36).slice(2, 8)}`,
      language: 'en',
      category: 'utility',
      body: 'Hi {{1}}, your order {{2}} has shipped.',
      examples: ['Maija', 'A-1'],
      contentSid: `HX${'0123456789abcdef'.repeat(2)}`,
      status: 'approved',
      ...values,
    })
    .returning();
  return row!;
}

/** Changes the channel's WhatsApp setup (survey, attachments…) as an administrator would. */
export async function changeWhatsAppSetup(server: TestServer, adminFetch: typeof fetch, channel: Channel, changes: Partial<WhatsAppSetupInput>) {
  const workstreamUrl = `${server.baseUrl}/api/workstreams/${channel.workstream!.id}`;
  const current = (await (await adminFetch(workstreamUrl)).json()) as Workstream;
  const setup = current.whatsapp!;
  const response = await adminFetch(`${workstreamUrl}/whatsapp`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      version: current.version,
      numberId: setup.numberId,
      language: setup.language,
      automatedMessages: setup.automatedMessages,
      survey: setup.survey,
      attachments: setup.attachments,
      ...changes,
    }),
  });
  if (!response.ok) throw new Error(`PUT whatsapp setup: ${response.status} ${await response.text()}`);
}
