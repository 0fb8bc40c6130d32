import { z } from 'zod';
import { handoffReasons } from '@/domain/bot/bot-protocol';
import { outboundStatuses } from '@/domain/message-status';
import { whatsAppLanguages } from '@/domain/whatsapp-languages';
import { noteCodes } from '@/domain/work-distribution/notes';
import { presences } from '@/domain/work-distribution/presence';
import { hasNoControlCharacter, hasNoControlCharacterButLineBreaks, idField, strictInputErrors, timestampField, versionField } from './fields';

/** Twilio refuses a longer Body (error 21617). */
export const MAX_REPLY_LENGTH = 1600;
export const MAX_TEMPLATE_VARIABLE_LENGTH = 1024;
export const CONVERSATION_PAGE_SIZE = 50;
export const MESSAGE_PAGE_SIZE = 100;

export { windowClosedDetail } from './window-closed';

export { noteCodes, type NoteCode } from '@/domain/work-distribution/notes';

/** "bot": the workstream's bot has it; agents get it when the bot hands over. */
export const waitReasons = ['bot', 'outOfHours', 'pick', 'noAgent'] as const;

export { handoffReasons, type HandoffReason } from '@/domain/bot/bot-protocol';

export const conversationStatuses = ['open', 'closed'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

export const conversationSchema = z.object({
  id: idField,
  accountId: idField,
  /** The business number the customer wrote to, E.164. */
  businessNumber: z.string(),
  workstreamId: idField.nullable(),
  workstreamName: z.string().nullable(),
  queueId: idField.nullable(),
  queueName: z.string().nullable(),
  distributionMode: z.enum(['push', 'pick']),
  customer: z.object({
    /** WhatsApp id: the customer's number without "+". */
    waId: z.string(),
    phone: z.string(),
    profileName: z.string().nullable(),
  }),
  language: z.enum(whatsAppLanguages),
  status: z.enum(conversationStatuses),
  assigneeId: idField.nullable(),
  assigneeName: z.string().nullable(),
  /** When the customer last wrote: the 24-hour window runs from here (see src/domain/conversation-window.ts). */
  lastInboundAt: timestampField.nullable(),
  /**
   * When a free-form reply went that Twilio refused as outside the 24-hour window (63016): the
   * window is closed, whatever the clock says, until the customer writes after it.
   */
  windowClosedByTwilioAt: timestampField.nullable(),
  lastMessageAt: timestampField,
  lastMessagePreview: z.string(),
  /** The last message is the customer's: someone should answer. */
  waitingForReply: z.boolean(),
  /** When it entered its queue (arrival, transfer or release). */
  queuedAt: timestampField,
  /**
   * Why an open, unassigned conversation waits: its queue is outside opening hours, it waits
   * to be picked, or no eligible agent has room. Null when assigned or closed.
   */
  waitReason: z.enum(waitReasons).nullable(),
  attachments: z.object({ customersCanSend: z.boolean(), agentsCanSend: z.boolean() }),
  /** Values of the workstream's context variables, set by its bot at hand-off (numbers as text). */
  contextVariables: z.record(z.string(), z.string()),
  /** The bot's part, when the conversation went to the workstream's bot first; null otherwise. */
  bot: z
    .object({
      name: z.string(),
      /** The bot has it now: customers' messages go to the bot, not to agents. */
      active: z.boolean(),
      /** Customer messages the bot has answered. */
      turns: z.number().int().nonnegative(),
      handoff: z
        .object({
          reason: z.enum(handoffReasons),
          /** The bot's own words when it asked; what went wrong when it failed (no secrets, no message text). */
          detail: z.string().nullable(),
          at: timestampField,
        })
        .nullable(),
    })
    .nullable(),
  createdAt: timestampField,
  closedAt: timestampField.nullable(),
  version: versionField,
});

export const conversationPageSchema = z.object({
  items: z.array(conversationSchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

/** GET /api/conversations query string; every filter optional. */
export const conversationQuerySchema = z.strictObject(
  {
    queueId: z.uuid({ error: 'field.invalid' }).optional(),
    status: z.enum(conversationStatuses, { error: 'field.invalid' }).optional(),
    assignedToMe: z.enum(['true', 'false'], { error: 'field.invalid' }).optional(),
    waitingForReply: z.enum(['true', 'false'], { error: 'field.invalid' }).optional(),
    cursor: z.string().max(200, { error: 'field.invalid' }).optional(),
    limit: z.coerce.number({ error: 'field.invalid' }).int({ error: 'field.invalid' }).min(1, { error: 'field.invalid' }).max(200, { error: 'field.invalid' }).optional(),
  },
  strictInputErrors,
);

export const messageMediaSchema = z.object({
  id: idField,
  contentType: z.string(),
  /** Served to signed-in users only: /api/media/:id. */
  url: z.string(),
  filename: z.string().nullable(),
  size: z.number().int().nonnegative().nullable(),
});

export const messageSchema = z.object({
  id: idField,
  conversationId: idField,
  /** "note": seen by agents only, never sent (a transfer, an automated message skipped outside the 24-hour window). */
  direction: z.enum(['inbound', 'outbound', 'note']),
  /** Who wrote it: the customer, an agent, the workstream's bot, the channel's automated messages (greeting, survey, refusals), or the system's notes. */
  author: z.enum(['customer', 'agent', 'bot', 'automated', 'system']),
  authorName: z.string().nullable(),
  body: z.string(),
  template: z.object({ templateId: idField.nullable(), name: z.string(), contentSid: z.string().nullable(), variables: z.array(z.string()) }).nullable(),
  media: z.array(messageMediaSchema),
  /** "received" for the customer's messages; the delivery status for ours; "note" for notes. */
  status: z.enum(['received', 'note', ...outboundStatuses]),
  errorCode: z.string().nullable(),
  /** What a note says, for the reader's language (the body has it in English); null for other messages. */
  note: z.object({ code: z.enum(noteCodes), params: z.record(z.string(), z.string()) }).nullable(),
  /** Twilio's MessageSid (SM…/MM…), once Twilio has it. */
  twilioSid: z.string().nullable(),
  createdAt: timestampField,
});

export const messagePageSchema = z.object({
  /** Oldest first. */
  items: z.array(messageSchema),
  /** Pass as `before` for older messages; null when there are none. */
  previousCursor: z.string().nullable(),
});

const variableField = z
  .string({ error: 'variable.required' })
  .trim()
  .min(1, { error: 'variable.required' })
  .max(MAX_TEMPLATE_VARIABLE_LENGTH, { error: 'variable.tooLong' })
  .refine(hasNoControlCharacter, { error: 'text.controlCharacter' });

/** POST /api/conversations/:id/messages */
export const sendMessageInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject(
      {
        kind: z.literal('text'),
        body: z
          .string({ error: 'reply.required' })
          .max(MAX_REPLY_LENGTH, { error: 'reply.tooLong' })
          .refine(hasNoControlCharacterButLineBreaks, { error: 'text.controlCharacter' })
          .default(''),
        /** An upload from POST /api/conversations/:id/media; a text may go without it and vice versa. */
        mediaId: z.uuid({ error: 'media.unknown' }).optional(),
      },
      strictInputErrors,
    ),
    z.strictObject(
      {
        kind: z.literal('template'),
        templateId: z.string({ error: 'template.required' }).min(1, { error: 'template.required' }),
        variables: z.array(variableField, { error: 'variables.count' }).max(100, { error: 'variables.count' }),
      },
      strictInputErrors,
    ),
  ],
  { error: 'field.invalid' },
);

/** POST /api/conversations/:id/media answers with the upload to refer to. */
export const mediaUploadSchema = z.object({ id: idField, contentType: z.string(), size: z.number().int(), filename: z.string().nullable() });

/** POST /api/conversations/:id/accept, /close: carry the version the agent saw. */
export const conversationActionInputSchema = z.strictObject({ version: versionField }, strictInputErrors);

/** POST /api/conversations/:id/transfer: to another queue (it waits there) or straight to an agent. */
export const transferInputSchema = z.strictObject(
  {
    version: versionField,
    to: z.discriminatedUnion(
      'kind',
      [
        z.strictObject({ kind: z.literal('queue'), queueId: z.string({ error: 'queue.required' }).min(1, { error: 'queue.required' }) }, strictInputErrors),
        z.strictObject({ kind: z.literal('agent'), userId: z.string({ error: 'agent.required' }).min(1, { error: 'agent.required' }) }, strictInputErrors),
      ],
      { error: 'field.invalid' },
    ),
  },
  strictInputErrors,
);

export type TransferInput = z.infer<typeof transferInputSchema>;

/**
 * GET /api/conversations/:id/transfer-targets: where its assignee or an administrator may send it.
 * An agent who may not take it now says why, under the rules of the conversation's workstream.
 */
export const transferTargetsSchema = z.object({
  queues: z.array(z.object({ id: idField, name: z.string(), open: z.boolean() })),
  agents: z.array(
    z.object({
      id: idField,
      name: z.string(),
      presence: z.enum(presences),
      eligible: z.boolean(),
      refusal: z.enum(['presence', 'capacity']).nullable(),
    }),
  ),
});

export type TransferTargets = z.infer<typeof transferTargetsSchema>;
export type WaitReason = (typeof waitReasons)[number];
export type Conversation = z.infer<typeof conversationSchema>;
export type ConversationPage = z.infer<typeof conversationPageSchema>;
export type ConversationQuery = z.infer<typeof conversationQuerySchema>;
export type Message = z.infer<typeof messageSchema>;
export type MessageMedia = z.infer<typeof messageMediaSchema>;
export type MessagePage = z.infer<typeof messagePageSchema>;
export type SendMessageInput = z.input<typeof sendMessageInputSchema>;
export type SendMessage = z.output<typeof sendMessageInputSchema>;
export type MediaUpload = z.infer<typeof mediaUploadSchema>;

/**
 * GET /api/conversations/:id/quick-replies: its workstream's quick replies, each in the
 * conversation's language where a translation exists, variables filled in for the asking agent
 * ({{customerName}}, {{agent}}, {{queue}}, context variables). A variable without a value stays as written.
 */
export const quickReplyListSchema = z.object({
  items: z.array(z.object({ id: idField, title: z.string(), text: z.string() })),
});

export type QuickReplyList = z.infer<typeof quickReplyListSchema>;
