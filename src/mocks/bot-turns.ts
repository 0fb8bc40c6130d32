import type { z } from 'zod';
import { botAnswerSchema } from '@/api/contract/bot';
import type { BotAnswer, BotMessage } from '@/domain/bot/bot-protocol';
import { menuBotAnswer } from '@/domain/bot/menu-bot';
import { renderTemplate, variableCount } from '@/domain/template-variables';
import { runAssignmentPass } from './assignment';
import { handOverFromBot } from './bot-handoff';
import type { ConversationRuntime } from './conversation-runtime';
import { previewOf } from './conversations-db';
import type { MockData, MockDb, StoredConversation, StoredMessage } from './db';
import { newId } from './ids';
import { publishChanges } from './live-changes';

/**
 * The workstream's bot in the demo: the sample bot's menu logic plays it, whatever its address
 * (the demo never leaves the browser). What follows its answer is the server's: its messages go
 * out as the bot's, a hand-off (or a failure) gives the conversation to agents.
 */

/** A hand-off's detail is short: agents read it in a note. */
const MAX_DETAIL = 200;

type Reply = { ok: true; body: string; template: StoredMessage['template'] } | { ok: false; detail: string };

function botReply(draft: MockData, conversation: StoredConversation, message: BotMessage): Reply {
  if ('text' in message) return { ok: true, body: message.text, template: null };
  const { name, variables = [] } = message.template;
  const approved = draft.templates.filter((t) => t.accountId === conversation.accountId && t.name === name && t.status === 'approved' && t.contentSid);
  const template = approved.find((t) => t.language === conversation.language) ?? approved[0];
  if (!template) return { ok: false, detail: `no approved template "${name}"` };
  if (variables.length !== variableCount(template.body)) return { ok: false, detail: `template "${name}" takes ${variableCount(template.body)} variable(s)` };
  return {
    ok: true,
    body: renderTemplate(template.body, variables),
    template: { templateId: template.id, name: template.name, contentSid: template.contentSid, variables },
  };
}

function botMessage(conversation: StoredConversation, reply: Extract<Reply, { ok: true }>, botName: string, at: string): StoredMessage {
  return {
    id: newId(),
    conversationId: conversation.id,
    direction: 'outbound',
    author: 'bot',
    authorName: botName,
    body: reply.body,
    template: reply.template,
    media: [],
    status: 'pending',
    errorCode: null,
    note: null,
    twilioSid: null,
    createdAt: at,
  };
}

/** What was wrong with an answer, in the server's words: the first issue's path and rule, never the text. */
function malformedDetail(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.join('.') : 'the answer';
  return `${where}: ${issue.message}`.slice(0, MAX_DETAIL);
}

/** Where a turn ended: what was written, and whether agents have the conversation now. */
interface TurnOutcome {
  written: StoredMessage[];
  handedOver: boolean;
}

/** One turn in the draft: the bot's answer to the customer's message, or the hand-off a failure makes. */
export function takeBotTurn(draft: MockData, conversationId: string, customerMessageId: string, now: Date, answerOf = menuBotAnswer): TurnOutcome {
  const conversation = draft.conversations.find((c) => c.id === conversationId);
  const customerMessage = draft.messages.find((m) => m.id === customerMessageId);
  const botPart = conversation?.bot;
  if (!conversation || !botPart?.active || conversation.status !== 'open' || !customerMessage) return { written: [], handedOver: false };
  const bot = draft.workstreams.find((w) => w.id === conversation.workstreamId)?.bot;
  if (!bot) return { written: handOverFromBot(draft, conversation, 'botRemoved', null, now), handedOver: true };
  if (botPart.turns >= bot.maxTurns) {
    return { written: handOverFromBot(draft, conversation, 'tooManyTurns', `${bot.maxTurns} turns`, now), handedOver: true };
  }

  const turn = botPart.turns + 1;
  const parsed = botAnswerSchema.safeParse(
    answerOf({
      conversation: { id: conversation.id, workstreamId: conversation.workstreamId ?? '', language: conversation.language, turn },
      message: { id: customerMessage.id, text: customerMessage.body, media: customerMessage.media.map((m) => ({ id: m.id, contentType: m.contentType })) },
    }),
  );
  if (!parsed.success) return { written: handOverFromBot(draft, conversation, 'malformed', malformedDetail(parsed.error), now), handedOver: true };
  const answer: BotAnswer = parsed.data;
  const replies = (answer.messages ?? []).map((message) => botReply(draft, conversation, message));
  const failed = replies.find((reply) => !reply.ok);
  if (failed && !failed.ok) return { written: handOverFromBot(draft, conversation, 'malformed', failed.detail, now), handedOver: true };

  const at = now.toISOString();
  const sent = replies.flatMap((reply) => (reply.ok ? [botMessage(conversation, reply, botPart.name, at)] : []));
  draft.messages.push(...sent);
  conversation.bot = { ...botPart, turns: turn };
  const last = sent.at(-1);
  if (last) {
    conversation.lastMessageAt = at;
    conversation.lastMessagePreview = previewOf(last.body, false);
    conversation.waitingForReply = false;
  }
  conversation.version += 1;
  if (!answer.handoff) return { written: sent, handedOver: false };
  const handedOver = handOverFromBot(draft, conversation, 'requested', answer.handoff.reason ?? null, now, answer.handoff);
  return { written: [...sent, ...handedOver], handedOver: true };
}

/** The bot's turn for a customer's message, when the bot would answer; then agents' turn if it handed over. */
export function scheduleBotTurn(db: MockDb, runtime: ConversationRuntime, conversationId: string, customerMessageId: string): void {
  runtime.whenBotAnswers(() => {
    const outcome = db.write((draft) => takeBotTurn(draft, conversationId, customerMessageId, runtime.now()));
    if (outcome.written.length === 0 && !outcome.handedOver) return;
    publishChanges(db, runtime, [conversationId], outcome.written);
    if (outcome.handedOver) runAssignmentPass(db, runtime);
  });
}

/** The workstream's bot was removed: every conversation it had goes to agents. */
export function handOverRemovedBot(db: MockDb, runtime: ConversationRuntime, workstreamId: string, detail: string | null = null): void {
  const now = runtime.now();
  const { ids, written } = db.write((draft) => {
    const active = draft.conversations.filter((c) => c.workstreamId === workstreamId && c.status === 'open' && c.bot?.active);
    return { ids: active.map((c) => c.id), written: active.flatMap((c) => handOverFromBot(draft, c, 'botRemoved', detail, now)) };
  });
  if (ids.length === 0) return;
  publishChanges(db, runtime, ids, written);
  runAssignmentPass(db, runtime);
}
