import type { Conversation, Message } from '@/api/contract/conversation';
import { TWILIO_SANDBOX_NUMBER } from '@/domain/e164';
import { routeConversation } from '@/domain/routing-rules';
import { isSandboxJoin } from '@/domain/sandbox-join';
import type { ConversationRuntime } from './conversation-runtime';
import { isOpenAt } from '@/domain/operating-hours';
import { runAssignmentPass } from './assignment';
import { scheduleBotTurn } from './bot-turns';
import { nextConversationSeq, previewOf, toConversation } from './conversations-db';
import type { MockData, MockDb, StoredConversation, StoredMessage } from './db';
import { newId } from './ids';
import { announceOutOfHours, automatedMessage, automatedText } from './system-messages';

export interface InboundMessage {
  /** The account written to; optional when the number alone says it. */
  accountId?: string;
  /** The customer's number, E.164. */
  from: string;
  /** The business number, E.164. */
  to: string;
  body: string;
  profileName?: string;
  media?: { contentType: string; filename: string | null; bytes: Uint8Array };
}

/** Said to a customer whose attachment the workstream does not accept, in the server's words. */
const MEDIA_REFUSED = {
  en: 'Sorry, we can’t receive attachments here. Please describe it in a message instead.',
  fi: 'Valitettavasti emme voi vastaanottaa liitteitä täällä. Kerro asiasta viestillä.',
} as const;

function inboundSid(hasMedia: boolean): string {
  const hex = newId().replace(/-/g, '');
  return `${hasMedia ? 'MM' : 'SM'}${hex}`;
}

/** Without an account, the oldest holder of the number: several accounts may hold the sandbox sender. */
function findNumber(data: Readonly<MockData>, to: string, accountId?: string) {
  return data.numbers.find((n) => n.number === to && (accountId === undefined || n.accountId === accountId));
}

/**
 * A customer's WhatsApp message arriving, as the server handles a signed webhook: it
 * continues the customer's open conversation on that number, or starts one routed by the
 * workstream's rules (greeting sent); the account's first inbound message turns the
 * sandbox checklist green. Every change is published as a live event.
 */
export function receiveInbound(
  db: MockDb,
  runtime: ConversationRuntime,
  inbound: InboundMessage,
): { conversation: Conversation; message: Message } {
  const number = findNumber(db.data, inbound.to, inbound.accountId);
  if (!number) throw new Error(`No account has the number ${inbound.to}.`);
  const workstream = db.data.workstreams.find((w) => w.whatsapp?.numberId === number.id);
  const waId = inbound.from.replace(/^\+/, '');
  const mediaAllowed = workstream?.whatsapp?.attachments.customersCanSend ?? true;
  const keepMedia = inbound.media !== undefined && mediaAllowed;

  const { conversationId, written, firstInboundAt, started, withBot } = db.write((draft) => {
    const now = runtime.now().toISOString();
    let conversation = draft.conversations.find(
      (c) => c.accountId === number.accountId && c.businessNumber === number.number && c.customer.waId === waId && c.status === 'open',
    );
    const started = conversation === undefined;
    if (!conversation) {
      const bot = workstream?.bot?.firstToBot ? workstream.bot : null;
      const routed = workstream
        ? routeConversation(workstream.routing.rules, workstream.fallbackQueueId, { customerPhone: inbound.from, firstMessage: inbound.body })
        : null;
      const created: StoredConversation = {
        id: newId(),
        seq: nextConversationSeq(draft),
        accountId: number.accountId,
        businessNumber: number.number,
        workstreamId: workstream?.id ?? null,
        queueId: routed?.queueId ?? null,
        queuedAt: now,
        requiredSkills: routed?.rule?.requiredSkills ?? [],
        outOfHoursNotified: false,
        customer: { waId, phone: `+${waId}`, profileName: inbound.profileName ?? null },
        language: workstream?.whatsapp?.language ?? 'en',
        status: 'open',
        // The assignment pass, run once the message is in, decides who takes it.
        assigneeId: null,
        lastInboundAt: now,
        windowClosedByTwilioAt: null,
        lastMessageAt: now,
        lastMessagePreview: '',
        waitingForReply: true,
        contextVariables: {},
        // A workstream whose bot comes first: agents get it when the bot hands over.
        bot: bot ? { name: bot.name, active: true, turns: 0, handoff: null } : null,
        createdAt: now,
        closedAt: null,
        version: 1,
      };
      draft.conversations.push(created);
      conversation = created;
    }

    const message: StoredMessage = {
      id: newId(),
      conversationId: conversation.id,
      direction: 'inbound',
      author: 'customer',
      authorName: inbound.profileName ?? conversation.customer.profileName,
      body: inbound.body,
      template: null,
      media: [],
      status: 'received',
      errorCode: null,
      note: null,
      twilioSid: inboundSid(inbound.media !== undefined),
      createdAt: now,
    };
    if (keepMedia && inbound.media) {
      const mediaId = newId();
      draft.media.push({
        id: mediaId,
        conversationId: conversation.id,
        messageId: message.id,
        contentType: inbound.media.contentType,
        filename: inbound.media.filename,
        size: inbound.media.bytes.byteLength,
        uploadedBy: null,
        createdAt: now,
      });
      message.media.push({
        id: mediaId,
        contentType: inbound.media.contentType,
        url: `/api/media/${mediaId}`,
        filename: inbound.media.filename,
        size: inbound.media.bytes.byteLength,
      });
      runtime.media.put(mediaId, inbound.media.bytes);
    }
    const replies: StoredMessage[] = [];
    const withBot = conversation.bot?.active === true;
    const greeting = started ? automatedText(workstream, 'greeting', conversation.language) : null;
    if (greeting) replies.push(automatedMessage(conversation.id, greeting, now));
    if (inbound.media && !mediaAllowed) {
      replies.push(automatedMessage(conversation.id, conversation.language === 'fi' ? MEDIA_REFUSED.fi : MEDIA_REFUSED.en, now));
    }
    draft.messages.push(message, ...replies);
    // On arrival, after the greeting: the customer learns why nobody answers yet (once, as the server).
    const queue = draft.queues.find((q) => q.id === conversation.queueId);
    // With the bot, the customer hears of closed hours when it hands over, if it does.
    if (started && !withBot && queue && !isOpenAt(queue.operatingHours, runtime.now())) {
      const outOfHours = announceOutOfHours(draft, conversation, queue.name, runtime.now());
      if (outOfHours) {
        replies.push(outOfHours);
        conversation.outOfHoursNotified = true;
      }
    }

    // The customer's words are the preview, not the automated answer (as on the server).
    conversation.lastInboundAt = now;
    conversation.lastMessageAt = now;
    conversation.lastMessagePreview = previewOf(inbound.body, inbound.media !== undefined);
    conversation.waitingForReply = true;
    if (inbound.profileName) conversation.customer.profileName = inbound.profileName;
    if (!started) conversation.version += 1;

    const first = noteFirstInbound(draft, number.accountId, now);
    return { conversationId: conversation.id, written: [message, ...replies], firstInboundAt: first, started, withBot };
  });

  const before = toConversation(db.data, db.data.conversations.find((c) => c.id === conversationId)!, runtime.now());
  runtime.publish({ type: 'conversation', conversation: before });
  for (const message of written) runtime.publish({ type: 'message', message });
  if (firstInboundAt) runtime.publish({ type: 'sandbox', accountId: number.accountId, firstInboundAt });
  for (const reply of written.slice(1)) runtime.deliver(reply.id);
  if (withBot) scheduleBotTurn(db, runtime, conversationId, written[0]!.id);
  else if (started) runAssignmentPass(db, runtime);
  const conversation = toConversation(db.data, db.data.conversations.find((c) => c.id === conversationId)!, runtime.now());
  return { conversation, message: written[0]! };
}

/** The account's first inbound message ever, when this is it: the sandbox checklist's live check. */
function noteFirstInbound(draft: MockData, accountId: string, now: string): string | null {
  let sandbox = draft.sandboxes.find((s) => s.accountId === accountId);
  if (!sandbox) {
    sandbox = { accountId, joinCode: null, firstInboundAt: null };
    draft.sandboxes.push(sandbox);
  }
  if (sandbox.firstInboundAt !== null) return null;
  sandbox.firstInboundAt = now;
  return now;
}

/**
 * A message as the inbound webhook takes it: a customer joining the sandbox while no
 * conversation of theirs is open opens nothing (it still proves the webhook works), so
 * routing waits for their first real message; anything else is received as usual.
 */
export function receiveCustomerMessage(db: MockDb, runtime: ConversationRuntime, inbound: InboundMessage): ReturnType<typeof receiveInbound> | null {
  const number = findNumber(db.data, inbound.to, inbound.accountId);
  if (!number || !isSandboxJoin(inbound.to, inbound.body, inbound.media ? 1 : 0)) return receiveInbound(db, runtime, inbound);
  const waId = inbound.from.replace(/^\+/, '');
  const open = db.data.conversations.some(
    (c) => c.accountId === number.accountId && c.businessNumber === number.number && c.customer.waId === waId && c.status === 'open',
  );
  if (open) return receiveInbound(db, runtime, inbound);
  const firstInboundAt = db.write((draft) => noteFirstInbound(draft, number.accountId, runtime.now().toISOString()));
  if (firstInboundAt) runtime.publish({ type: 'sandbox', accountId: number.accountId, firstInboundAt });
  return null;
}

/** Each writes first with their question; asked by the bot's menu, they answer with their choice. */
const DEMO_CUSTOMERS = [
  { from: '+358401234567', profileName: 'Matti Meikäläinen', body: 'Hei! Tilaukseni ei ole vielä saapunut. Voitteko tarkistaa?', choice: '2' },
  { from: '+447700900123', profileName: 'Olivia Brown', body: 'Hi, I was charged twice on my last invoice. Can you help?', choice: '1' },
  { from: '+14155550142', profileName: 'Jordan Lee', body: 'Hello! Do you ship to Canada?', choice: 'person' },
  { from: '+46701234599', profileName: 'Sofia Lindqvist', body: 'Hi, how do I change the delivery address of my order?', choice: '2' },
  { from: '+358451112233', profileName: 'Liisa Korhonen', body: 'Moi, voinko vaihtaa tuotteen toiseen kokoon?', choice: '3' },
] as const;

/** Whether the customer's open conversation on that number is with the bot: then they answer its menu. */
function withBot(data: Readonly<MockData>, to: string, from: string): boolean {
  const waId = from.replace(/^\+/, '');
  return data.conversations.some((c) => c.businessNumber === to && c.customer.waId === waId && c.status === 'open' && c.bot?.active === true);
}

/**
 * The number the demo's "Simulate customer message" writes to: Twilio's sandbox if an
 * account has it, else a number a workstream is set up on, else any number.
 */
export function demoTargetNumber(data: Readonly<MockData>): string | null {
  const bound = new Set(data.workstreams.flatMap((w) => (w.whatsapp ? [w.whatsapp.numberId] : [])));
  const sandbox = data.numbers.find((n) => n.number === TWILIO_SANDBOX_NUMBER);
  return (sandbox ?? data.numbers.find((n) => bound.has(n.id)) ?? data.numbers[0])?.number ?? null;
}

/** A message from one of the demo's customers, in turn; null when no account has a number to write to. */
export function simulateDemoCustomer(db: MockDb, runtime: ConversationRuntime, turn: number) {
  const to = demoTargetNumber(db.data);
  if (to === null) return null;
  const customer = DEMO_CUSTOMERS[turn % DEMO_CUSTOMERS.length]!;
  const body = withBot(db.data, to, customer.from) ? customer.choice : customer.body;
  return receiveInbound(db, runtime, { to, from: customer.from, body, profileName: customer.profileName });
}
