import type { Message, NoteCode } from '@/api/contract/conversation';
import { menuBotAnswer } from '@/domain/bot/menu-bot';
import { noteSentence, type NoteParams } from '@/domain/work-distribution/notes';
import { previewOf } from './conversations-db';
import type { MockData, StoredConversation, StoredMessage } from './db';
import { parcelPicture } from './media-store';
import { LONG_HISTORY_LENGTH, longHistoryDrafts, longHistoryPhotoIds } from './seed-long-history';

/** Ids of the seeded conversations that tests and the walkthrough refer to. */
export const demoConversationIds = {
  /** Matti, Finnish, assigned to Eero; in the window; his last message has a photo. */
  mattiParcel: 'd1a0c001-7c1e-4a2b-9e01-000000000001',
  /** Olivia, billing, nobody assigned: waits (billing agents are Busy or Away, or the queue is closed); in the window. */
  oliviaInvoice: 'd1a0c001-7c1e-4a2b-9e01-000000000002',
  /** Jordan, general support, assigned to Eero; last wrote 30 hours ago (templates only); a failed message. */
  jordanShipping: 'd1a0c001-7c1e-4a2b-9e01-000000000003',
  /** Sofia, closed two days ago with the survey sent. */
  sofiaClosed: 'd1a0c001-7c1e-4a2b-9e01-000000000004',
  /** Noah's café, a regular customer: 1,000 messages over two months, with photos; answered 4 hours ago. */
  noahLongHistory: 'd1a0c001-7c1e-4a2b-9e01-000000000005',
  /** Emma, with the workstream's bot: it has shown her the menu; agents do not have her yet. */
  emmaWithBot: 'd1a0c001-7c1e-4a2b-9e01-000000000006',
  /** Lucas, chose billing from the bot's menu: handed over with topic "billing" to Billing, where Sam took it. */
  lucasHandedOver: 'd1a0c001-7c1e-4a2b-9e01-000000000007',
  /** The photo in Matti's conversation (GET /api/media/:id). */
  parcelPhoto: 'd1a0c001-7c1e-4a2b-9e01-0000000000f1',
} as const;

/** The seed's bytes of attachments, by media id: the media store serves them. */
export const seededMediaBytes: Record<string, () => Uint8Array> = Object.fromEntries(
  [demoConversationIds.parcelPhoto, ...longHistoryPhotoIds].map((id) => [id, parcelPicture]),
);

/** The records the conversations refer to, passed in so that this file needs nothing of seed.ts. */
export interface ConversationSeedRefs {
  sandboxAccount: string;
  supportWorkstream: string;
  generalQueue: string;
  finnishQueue: string;
  billingQueue: string;
  adminUser: string;
  agentUser: string;
  samAgent: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SANDBOX = '+14155238886';
const GREETING_EN = 'Hi! Thanks for writing to Contoso. An agent will be with you shortly.';
/** The demo workstream's bot (src/mocks/seed.ts), played by the sample bot's menu. */
export const DEMO_BOT_NAME = 'Menu bot';
const BOT_NAME = DEMO_BOT_NAME;
const GREETING_FI = 'Hei! Kiitos viestistäsi Contosolle. Asiakaspalvelija vastaa pian.';

type Draft = Omit<StoredMessage, 'id' | 'conversationId' | 'template' | 'media' | 'errorCode' | 'twilioSid' | 'createdAt' | 'note'> &
  Partial<Pick<StoredMessage, 'media' | 'errorCode' | 'note'>> & { at: number };

function hex(n: number, conversation: number): string {
  return `${conversation.toString(16).padStart(2, '0')}${n.toString(16).padStart(30, '0')}`;
}

/**
 * Demo conversations on the sandbox account, timed from the hour the seed is made, so that
 * two are inside the 24-hour window and one is outside it whenever the demo starts (the
 * hour, not the millisecond: two seeds made moments apart are the same).
 */
export function demoConversations(
  refs: ConversationSeedRefs,
  now = Date.now(),
  longHistoryLength = LONG_HISTORY_LENGTH,
): Pick<MockData, 'conversations' | 'messages' | 'media' | 'sandboxes'> {
  const anchor = Math.floor(now / HOUR) * HOUR;
  const iso = (at: number) => new Date(at).toISOString();
  const conversations: StoredConversation[] = [];
  const messages: StoredMessage[] = [];

  const add = (
    index: number,
    fields: Pick<StoredConversation, 'id' | 'queueId' | 'customer' | 'language' | 'status' | 'assigneeId'> &
      Partial<Pick<StoredConversation, 'requiredSkills' | 'contextVariables' | 'bot'>> & { closedAt: number | null },
    drafts: Draft[],
  ) => {
    const written: StoredMessage[] = drafts.map((draft, n) => {
      const { at, media, errorCode, note, ...rest } = draft;
      const sid = `${media?.length ? 'MM' : 'SM'}${hex(n + 1, index)}`;
      return {
        ...rest,
        id: `d1a0c001-7c1e-4a2b-9f${index.toString(16).padStart(2, '0')}-${(n + 1).toString(16).padStart(12, '0')}`,
        conversationId: fields.id,
        template: null,
        media: media ?? [],
        errorCode: errorCode ?? null,
        note: note ?? null,
        twilioSid: rest.status === 'pending' || rest.direction === 'note' ? null : sid,
        createdAt: iso(at),
      };
    });
    // A note is for agents: the list previews what was said.
    const last = written.filter((m) => m.direction !== 'note').at(-1)!;
    const lastInbound = [...drafts].reverse().find((d) => d.direction === 'inbound');
    conversations.push({
      ...fields,
      requiredSkills: fields.requiredSkills ?? [],
      contextVariables: fields.contextVariables ?? {},
      bot: fields.bot ?? null,
      outOfHoursNotified: false,
      queuedAt: written[0]!.createdAt,
      seq: index,
      accountId: refs.sandboxAccount,
      businessNumber: SANDBOX,
      workstreamId: refs.supportWorkstream,
      lastInboundAt: lastInbound ? iso(lastInbound.at) : null,
      windowClosedByTwilioAt: null,
      lastMessageAt: last.createdAt,
      lastMessagePreview: previewOf(last.body, last.media.length > 0),
      // The bot's answers do not count: the customer waits for a person.
      waitingForReply: fields.status === 'open' && drafts.findLast((d) => d.author === 'customer' || d.author === 'agent')?.direction === 'inbound',
      createdAt: written[0]!.createdAt,
      closedAt: fields.closedAt === null ? null : iso(fields.closedAt),
      version: fields.assigneeId || fields.bot ? 2 : 1,
    });
    messages.push(...written);
  };

  const customer = (phone: string, profileName: string) => ({ waId: phone.slice(1), phone, profileName });
  const inbound = (at: number, body: string, name: string, media?: Message['media']): Draft => ({
    at,
    direction: 'inbound',
    author: 'customer',
    authorName: name,
    body,
    status: 'received',
    ...(media ? { media } : {}),
  });
  const automated = (at: number, body: string, status: Message['status']): Draft => ({
    at,
    direction: 'outbound',
    author: 'automated',
    authorName: null,
    body,
    status,
  });
  const bot = (at: number, body: string): Draft => ({ at, direction: 'outbound', author: 'bot', authorName: BOT_NAME, body, status: 'read' });
  const note = (at: number, code: NoteCode, params: NoteParams): Draft => ({
    at,
    direction: 'note',
    author: 'system',
    authorName: null,
    body: noteSentence(code, params),
    status: 'note',
    note: { code, params },
  });
  const agent = (at: number, body: string, name: string, status: Message['status'], errorCode?: string): Draft => ({
    at,
    direction: 'outbound',
    author: 'agent',
    authorName: name,
    body,
    status,
    ...(errorCode ? { errorCode } : {}),
  });

  // The oldest first, so that creation order (seq) follows time.
  add(
    1,
    {
      id: demoConversationIds.sofiaClosed,
      queueId: refs.generalQueue,
      customer: customer('+46701234599', 'Sofia Lindqvist'),
      language: 'en',
      status: 'closed',
      assigneeId: refs.agentUser,
      closedAt: anchor - 50 * HOUR,
    },
    [
      inbound(anchor - 52 * HOUR, 'Hi, how do I change the delivery address of my order?', 'Sofia Lindqvist'),
      automated(anchor - 52 * HOUR + 2000, GREETING_EN, 'read'),
      agent(anchor - 51 * HOUR, 'Hi Sofia! Reply with the new address and I will update order #5120 for you.', 'Eero Agent', 'read'),
      inbound(anchor - 50 * HOUR - 20 * MINUTE, 'Storgatan 12, 114 55 Stockholm. Thanks!', 'Sofia Lindqvist'),
      agent(anchor - 50 * HOUR - 5 * MINUTE, 'Done: the order goes to Storgatan 12. Have a nice day!', 'Eero Agent', 'read'),
      automated(anchor - 50 * HOUR, 'How did we do? Tell us in a short survey: https://survey.contoso.example/whatsapp', 'delivered'),
    ],
  );
  add(
    2,
    {
      id: demoConversationIds.jordanShipping,
      queueId: refs.generalQueue,
      customer: customer('+14155550142', 'Jordan Lee'),
      language: 'en',
      status: 'open',
      assigneeId: refs.agentUser,
      closedAt: null,
    },
    [
      inbound(anchor - 30 * HOUR, 'Hello! Do you ship to Canada?', 'Jordan Lee'),
      automated(anchor - 30 * HOUR + 2000, GREETING_EN, 'read'),
      agent(anchor - 29 * HOUR - 30 * MINUTE, 'Hi Jordan! Yes, we ship to Canada; delivery takes 5–7 working days.', 'Eero Agent', 'read'),
      agent(anchor - 29 * HOUR, 'Here is our shipping price list: https://contoso.example/shipping', 'Eero Agent', 'failed', '30008'),
    ],
  );
  add(
    3,
    {
      id: demoConversationIds.oliviaInvoice,
      queueId: refs.billingQueue,
      // The "Invoices and payments" rule's skill: she waits for a billing agent who can take her.
      requiredSkills: [{ name: 'Billing', level: 5 }],
      customer: customer('+447700900123', 'Olivia Brown'),
      language: 'en',
      status: 'open',
      assigneeId: null,
      closedAt: null,
    },
    [
      inbound(anchor - 3 * HOUR, 'Hi, I have a question about my invoice.', 'Olivia Brown'),
      automated(anchor - 3 * HOUR + 2000, GREETING_EN, 'read'),
      agent(anchor - 2 * HOUR - 30 * MINUTE, 'Hi Olivia! Which invoice is it about?', 'Aino Admin', 'delivered'),
      inbound(anchor - 2 * HOUR, 'Invoice 2231, I was charged twice.', 'Olivia Brown'),
    ],
  );
  add(
    4,
    {
      id: demoConversationIds.mattiParcel,
      queueId: refs.finnishQueue,
      customer: customer('+358401110001', 'Matti Virtanen'),
      language: 'fi',
      status: 'open',
      assigneeId: refs.agentUser,
      closedAt: null,
    },
    [
      inbound(anchor - 90 * MINUTE, 'Hei! Tilaukseni #4821 tuli tänään.', 'Matti Virtanen'),
      automated(anchor - 90 * MINUTE + 2000, GREETING_FI, 'read'),
      agent(anchor - 80 * MINUTE, 'Hei Matti! Miten voin auttaa?', 'Eero Agent', 'read'),
      inbound(anchor - 40 * MINUTE, 'Paketti oli rikki, kuva liitteenä.', 'Matti Virtanen', [
        { id: demoConversationIds.parcelPhoto, contentType: 'image/png', url: `/api/media/${demoConversationIds.parcelPhoto}`, filename: 'paketti.png', size: parcelPicture().byteLength },
      ]),
    ],
  );

  // Added last, so the other conversations keep their ids; seq only breaks ties of time.
  add(
    5,
    {
      id: demoConversationIds.noahLongHistory,
      queueId: refs.generalQueue,
      customer: customer('+447700900456', 'Noah Williams'),
      language: 'en',
      status: 'open',
      assigneeId: refs.agentUser,
      closedAt: null,
    },
    longHistoryDrafts(anchor - 4 * HOUR, longHistoryLength),
  );

  // The workstream's bot at work: one customer still choosing, one handed over with a topic.
  const menuAnswer = (id: string, text: string) =>
    menuBotAnswer({ conversation: { id, workstreamId: refs.supportWorkstream, language: 'en', turn: 1 }, message: { id, text, media: [] } });
  const menu = menuAnswer(demoConversationIds.emmaWithBot, 'Hello').messages?.[0];
  const menuText = menu && 'text' in menu ? menu.text : '';
  add(
    6,
    {
      id: demoConversationIds.emmaWithBot,
      queueId: refs.generalQueue,
      customer: customer('+447700900789', 'Emma Wilson'),
      language: 'en',
      status: 'open',
      assigneeId: null,
      closedAt: null,
      bot: { name: BOT_NAME, active: true, turns: 1, handoff: null },
    },
    [
      inbound(anchor - 70 * MINUTE, 'Hello, I need some help please.', 'Emma Wilson'),
      automated(anchor - 70 * MINUTE + 500, GREETING_EN, 'read'),
      bot(anchor - 70 * MINUTE + 1000, menuText),
    ],
  );
  const billing = menuAnswer(demoConversationIds.lucasHandedOver, '1');
  const billingReply = billing.messages?.[0];
  const handoffReason = billing.handoff?.reason ?? null;
  const handedOverAt = anchor - 150 * MINUTE;
  add(
    7,
    {
      id: demoConversationIds.lucasHandedOver,
      queueId: refs.billingQueue,
      customer: customer('+14155550199', 'Lucas Martin'),
      language: 'en',
      status: 'open',
      // Sam took it while he was Available; he is Busy now.
      assigneeId: refs.samAgent,
      closedAt: null,
      contextVariables: { topic: 'billing' },
      bot: { name: BOT_NAME, active: false, turns: 2, handoff: { reason: 'requested', detail: handoffReason, at: iso(handedOverAt) } },
    },
    [
      inbound(handedOverAt - 2 * MINUTE, 'Hi there', 'Lucas Martin'),
      automated(handedOverAt - 2 * MINUTE + 500, GREETING_EN, 'read'),
      bot(handedOverAt - 2 * MINUTE + 1000, menuText),
      inbound(handedOverAt - 1000, '1', 'Lucas Martin'),
      bot(handedOverAt, billingReply && 'text' in billingReply ? billingReply.text : ''),
      note(handedOverAt, 'botHandedOver', { bot: BOT_NAME, queue: 'Billing', reason: 'requested', detail: handoffReason ?? '' }),
      automated(handedOverAt + MINUTE, 'You are now chatting with Sam Taylor.', 'read'),
    ],
  );

  return {
    conversations,
    messages,
    media: messages.flatMap((message) =>
      message.media.map(({ id, contentType, filename, size }) => ({
        id,
        conversationId: message.conversationId,
        messageId: message.id,
        contentType,
        filename,
        size: size ?? 0,
        uploadedBy: null,
        createdAt: message.createdAt,
      })),
    ),
    sandboxes: [{ accountId: refs.sandboxAccount, joinCode: 'bright-harbor', firstInboundAt: iso(anchor - 52 * HOUR) }],
  };
}
