import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { NoteCode } from '@/api/contract/conversation';
import type { OperatingHours, PendingMember } from '@/api/contract/queue';
import type { AutomatedMessage, Survey } from '@/api/contract/whatsapp-setup';
import type { HandoffReason } from '@/domain/bot/bot-protocol';
import type { NotificationTemplate } from '@/domain/notifications';
import type { QuickReply } from '@/domain/quick-replies';
import type { RoutingCondition } from '@/domain/routing-rules';
import type { Presence } from '@/domain/work-distribution/presence';
import type { Skill } from '@/domain/work-distribution/skills';
import type { WhatsAppLanguage } from '@/domain/whatsapp-languages';
import { TWILIO_SANDBOX_NUMBER } from '@/domain/e164';

/*
 * One schema for PGlite and PostgreSQL. The rules that two concurrent requests could
 * break live here as constraints: unique names and numbers (but for the shared sandbox
 * sender), a number bound to one workstream, queues that cannot vanish while used (ON DELETE RESTRICT).
 */

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();
const version = () => integer('version').notNull().default(1);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    role: text('role', { enum: ['admin', 'agent'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'string' }),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true, mode: 'string' }),
    /** The presence they chose; routing counts them Offline once last_active_at is a few minutes old. */
    presence: text('presence').$type<Presence>().notNull().default('available'),
    /** Touched by their requests and open event streams (at most every 30 s). */
    lastActiveAt: timestamp('last_active_at', { withTimezone: true, mode: 'string' }),
    /** Units of conversations they can hold at once. */
    capacity: integer('capacity').notNull().default(3),
    skills: jsonb('skills').$type<Skill[]>().notNull().default([]),
    /** The last time routing or an Accept gave them a conversation: ties go to whoever waited longest. */
    lastAssignedAt: timestamp('last_assigned_at', { withTimezone: true, mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email), check('users_role_check', sql`${t.role} in ('admin', 'agent')`)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie's token: a stolen database does not yield live sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const setupTokens = pgTable('setup_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true, mode: 'string' }),
  createdAt: createdAt(),
});

export const whatsappAccounts = pgTable(
  'whatsapp_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order, for ties of the creation time. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    /** The name as compared for uniqueness: trimmed, lower case. */
    nameKey: text('name_key').notNull(),
    channel: text('channel').notNull().default('whatsapp'),
    accountSid: text('account_sid').notNull(),
    /** AES-256-GCM envelope (see src/server/crypto/secret-box.ts); never the token itself. */
    authTokenSealed: text('auth_token_sealed').notNull(),
    authTokenHint: text('auth_token_hint').notNull(),
    /** The sandbox's "join <code>" words, for the checklist; null for a real sender. */
    sandboxJoinCode: text('sandbox_join_code'),
    /** The first signed inbound message: the sandbox checklist's live check. */
    firstInboundAt: timestamp('first_inbound_at', { withTimezone: true, mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('whatsapp_accounts_name_unique').on(t.nameKey)],
);

export const whatsappNumbers = pgTable(
  'whatsapp_numbers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Numbers are listed in the order they were added. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => whatsappAccounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    number: text('number').notNull(),
    createdAt: createdAt(),
    version: version(),
  },
  (t) => [
    // Twilio's sandbox sender serves every Twilio account, so several accounts may hold it (once each);
    // any other number belongs to one account (src/domain/number-ownership.ts says the same for the checks).
    uniqueIndex('whatsapp_numbers_number_unique').on(t.number).where(sql`${t.number} <> ${sql.raw(`'${TWILIO_SANDBOX_NUMBER}'`)}`),
    uniqueIndex('whatsapp_numbers_sandbox_per_account_unique').on(t.accountId).where(sql`${t.number} = ${sql.raw(`'${TWILIO_SANDBOX_NUMBER}'`)}`),
    index('whatsapp_numbers_account_idx').on(t.accountId),
  ],
);

export const queues = pgTable(
  'queues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    type: text('type').notNull().default('messaging'),
    priority: integer('priority').notNull(),
    /** Members from before members were users, whose e-mail matched no user (see queue_members). */
    pendingMembers: jsonb('pending_members').$type<PendingMember[]>().notNull().default([]),
    operatingHours: jsonb('operating_hours').$type<OperatingHours | null>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('queues_name_unique').on(t.nameKey)],
);

/** Queue membership: users, so that a member can take conversations. Removing the user removes it. */
export const queueMembers = pgTable(
  'queue_members',
  {
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The order members were added in, for a stable list. */
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('queue_members_unique').on(t.queueId, t.userId), index('queue_members_user_idx').on(t.userId)],
);

/** Settings that are read and written as a whole with the workstream. */
export interface WorkstreamSettings {
  capacity: { mode: 'unit' | 'profile'; value: number };
  blockCapacityForWrapUp: boolean;
  /** Absent in rows written before it existed: read with workstreamDefaults. */
  wrapUpMinutes?: number;
  allowedPresences: ('available' | 'busy' | 'doNotDisturb' | 'away')[];
  skillMatching: 'exact' | 'closest' | 'none';
  skillFallbackMinutes?: number | null;
  keepSameAgent: boolean;
  keepSameAgentDays?: number;
  advanced: {
    notificationTemplate: NotificationTemplate;
    contextVariables: { name: string; type: 'text' | 'number' }[];
    quickReplies: QuickReply[];
  };
  /** The bot's settings; its secret is sealed in workstreams.bot_secret_sealed. */
  bot: StoredBot | null;
}

export interface StoredBot {
  name: string;
  url: string;
  firstToBot: boolean;
  maxTurns: number;
  secretHint: string;
}

/** The "Set up WhatsApp" result, apart from its number (a column, so it can be unique). */
export interface WhatsAppSetupSettings {
  language: WhatsAppLanguage;
  automatedMessages: AutomatedMessage[];
  survey: Survey;
  attachments: { customersCanSend: boolean; agentsCanSend: boolean };
  updatedAt: string;
}

export const workstreams = pgTable(
  'workstreams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: where a queue is used is listed workstream by workstream, oldest first. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    type: text('type').notNull().default('messaging'),
    channel: text('channel').notNull().default('whatsapp'),
    distributionMode: text('distribution_mode', { enum: ['push', 'pick'] }).notNull(),
    fallbackQueueId: uuid('fallback_queue_id')
      .notNull()
      .references(() => queues.id, { onDelete: 'restrict' }),
    settings: jsonb('settings').$type<WorkstreamSettings>().notNull(),
    /** The bound number: one workstream per number, and a bound number cannot be deleted. */
    whatsappNumberId: uuid('whatsapp_number_id').references(() => whatsappNumbers.id, { onDelete: 'restrict' }),
    whatsapp: jsonb('whatsapp').$type<WhatsAppSetupSettings | null>(),
    /** The bot's shared secret, sealed like the auth tokens (src/server/crypto/secret-box.ts); null without a bot. */
    botSecretSealed: text('bot_secret_sealed'),
    routingVersion: integer('routing_version').notNull().default(1),
    routingUpdatedAt: timestamp('routing_updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex('workstreams_name_unique').on(t.nameKey),
    uniqueIndex('workstreams_whatsapp_number_unique').on(t.whatsappNumberId),
    index('workstreams_fallback_queue_idx').on(t.fallbackQueueId),
  ],
);

export const routingRules = pgTable(
  'routing_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workstreamId: uuid('workstream_id')
      .notNull()
      .references(() => workstreams.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    conditions: jsonb('conditions').$type<RoutingCondition[]>().notNull(),
    queueId: uuid('queue_id')
      .notNull()
      .references(() => queues.id, { onDelete: 'restrict' }),
    requiredSkills: jsonb('required_skills').$type<Skill[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('routing_rules_position_unique').on(t.workstreamId, t.position), index('routing_rules_queue_idx').on(t.queueId)],
);

export const messageTemplates = pgTable(
  'message_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => whatsappAccounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    language: text('language').$type<WhatsAppLanguage>().notNull(),
    category: text('category', { enum: ['utility', 'marketing', 'authentication'] }).notNull(),
    body: text('body').notNull(),
    examples: jsonb('examples').$type<string[]>().notNull(),
    contentSid: text('content_sid'),
    status: text('status', { enum: ['draft', 'pending', 'approved', 'rejected'] }).notNull(),
    rejectionReason: text('rejection_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('message_templates_name_language_unique').on(t.accountId, t.name, t.language)],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().defaultRandom(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** No foreign key: the record of who did what outlives the user. */
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    action: text('action', { enum: ['created', 'updated', 'deleted'] }).notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    entityName: text('entity_name').notNull(),
    changedFields: jsonb('changed_fields').$type<string[]>().notNull(),
    renumbered: jsonb('renumbered').$type<{ from: string; to: string; workstream: { id: string; name: string } | null }>(),
  },
  (t) => [index('audit_events_entity_idx').on(t.entityType, t.seq), index('audit_events_actor_idx').on(t.actorId, t.seq)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const timestampTz = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** The template an outbound message was sent with, as it was at the time. */
export interface SentTemplate {
  templateId: string | null;
  name: string;
  contentSid: string | null;
  variables: string[];
}

/**
 * A customer's conversation with one business number. At most one is open per
 * (account, number, customer): the partial unique index lets two concurrent first messages
 * meet in the database instead of creating two conversations. The account is part of it
 * because a number can move to another account, whose conversations start afresh.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => whatsappAccounts.id, { onDelete: 'cascade' }),
    /** E.164 of the business number, kept when the number itself is removed. */
    businessNumber: text('business_number').notNull(),
    workstreamId: uuid('workstream_id').references(() => workstreams.id, { onDelete: 'set null' }),
    queueId: uuid('queue_id').references(() => queues.id, { onDelete: 'set null' }),
    customerWaId: text('customer_wa_id').notNull(),
    customerPhone: text('customer_phone').notNull(),
    profileName: text('profile_name'),
    language: text('language').$type<WhatsAppLanguage>().notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    assigneeId: uuid('assignee_id').references(() => users.id, { onDelete: 'set null' }),
    /** When it entered its queue (arrival, transfer, release): the waiting order within a queue. */
    queuedAt: timestampTz('queued_at').notNull().defaultNow(),
    /** Skills its routing rule requires. */
    requiredSkills: jsonb('required_skills').$type<Skill[]>().notNull().default([]),
    /** Who released it to the queue: routing does not hand it straight back to them. Cleared when it is assigned. */
    releasedBy: uuid('released_by').references(() => users.id, { onDelete: 'set null' }),
    /** The out-of-hours message went (or was skipped with a note): it goes once per conversation. */
    outOfHoursNotified: boolean('out_of_hours_notified').notNull().default(false),
    /** Values of the workstream's context variables (set by its bot at hand-off), as text. */
    contextVariables: jsonb('context_variables').$type<Record<string, string>>().notNull().default({}),
    /** The bot it went to first, by name at the time; null when it never went to a bot. */
    botName: text('bot_name'),
    /** The bot has it: customers' messages go to the bot, and routing leaves it alone. */
    botActive: boolean('bot_active').notNull().default(false),
    botTurns: integer('bot_turns').notNull().default(0),
    botHandoff: jsonb('bot_handoff').$type<StoredHandoff | null>(),
    lastInboundAt: timestampTz('last_inbound_at'),
    /** When a free-form message went that Twilio refused as outside the window (63016); the latest such. */
    windowClosedByTwilioAt: timestampTz('window_closed_by_twilio_at'),
    lastMessageAt: timestampTz('last_message_at').notNull().defaultNow(),
    lastMessagePreview: text('last_message_preview').notNull().default(''),
    waitingForReply: boolean('waiting_for_reply').notNull().default(false),
    createdAt: createdAt(),
    closedAt: timestampTz('closed_at'),
    version: version(),
  },
  (t) => [
    uniqueIndex('conversations_open_unique')
      .on(t.accountId, t.businessNumber, t.customerWaId)
      .where(sql`${t.status} = 'open'`),
    index('conversations_recent_idx').on(t.status, t.lastMessageAt, t.seq),
    // The list's order without a status filter (an administrator's "all", an agent's queues and own).
    index('conversations_last_message_idx').on(t.lastMessageAt, t.seq),
    // "Waiting for reply" is a few per cent of the rows: scanning the whole order for them reads the table.
    index('conversations_waiting_idx').on(t.lastMessageAt, t.seq).where(sql`${t.waitingForReply}`),
    index('conversations_queue_idx').on(t.queueId, t.lastMessageAt),
    index('conversations_assignee_idx').on(t.assigneeId, t.lastMessageAt),
    // The assignment pass reads the waiting ones: open and unassigned, oldest first.
    index('conversations_waiting_queue_idx').on(t.queuedAt).where(sql`${t.status} = 'open' and ${t.assigneeId} is null`),
    check('conversations_bot_turns_check', sql`${t.botTurns} >= 0`),
    index('conversations_account_idx').on(t.accountId),
    check('conversations_status_check', sql`${t.status} in ('open', 'closed')`),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['inbound', 'outbound', 'note'] }).notNull(),
    author: text('author', { enum: ['customer', 'agent', 'bot', 'automated', 'system'] }).notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name'),
    body: text('body').notNull().default(''),
    template: jsonb('template').$type<SentTemplate | null>(),
    /** A note's code and params, for the reader's language. */
    note: jsonb('note').$type<{ code: NoteCode; params: Record<string, string> } | null>(),
    /** "received" for inbound; pending → queued → … for outbound (src/domain/message-status.ts). */
    status: text('status').notNull(),
    errorCode: text('error_code'),
    /** Twilio's MessageSid: unique, so a repeated webhook or callback finds its message. */
    twilioSid: text('twilio_sid'),
    createdAt: createdAt(),
    statusUpdatedAt: timestampTz('status_updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('messages_twilio_sid_unique').on(t.twilioSid),
    index('messages_conversation_idx').on(t.conversationId, t.seq),
    check('messages_direction_check', sql`${t.direction} in ('inbound', 'outbound', 'note')`),
  ],
);

/**
 * Attachments. Inbound ones stay at Twilio (fetched with the account's credentials when a
 * signed-in user opens them); outbound ones are stored here until Twilio has fetched them
 * from the unguessable public URL given as MediaUrl.
 */
export const messageMedia = pgTable(
  'message_media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    /** Null while an agent's upload waits to be sent. */
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    contentType: text('content_type').notNull(),
    filename: text('filename'),
    size: bigint('size', { mode: 'number' }),
    /** Inbound: Twilio's MediaUrl. */
    twilioUrl: text('twilio_url'),
    /** Outbound: the file, and the SHA-256 of the token in its public URL. */
    data: bytea('data'),
    publicTokenHash: text('public_token_hash'),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('message_media_message_idx').on(t.messageId), index('message_media_conversation_idx').on(t.conversationId)],
);

/**
 * Outbound messages waiting for Twilio. A row is written in the transaction that writes
 * its message and deleted in the transaction that records Twilio's MessageSid; workers
 * take rows with FOR UPDATE SKIP LOCKED, so each is sent by one instance.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestampTz('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
    /**
     * Set when a send starts, cleared when its outcome is recorded: still set when the row is
     * taken again, the last send's outcome is unknown (the process died while Twilio answered).
     */
    sendingSince: timestampTz('sending_since'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('outbox_message_unique').on(t.messageId), index('outbox_due_idx').on(t.nextAttemptAt)],
);

/**
 * Status callbacks whose MessageSid is not stored yet: Twilio can report (say, a fast
 * "failed") before the outbox has recorded the sid it answered with. The outbox folds them
 * into the message when it records the sid; rows for sids that never appear go after a day.
 */
export const earlyStatusCallbacks = pgTable(
  'early_status_callbacks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    twilioSid: text('twilio_sid').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => whatsappAccounts.id, { onDelete: 'cascade' }),
    status: text('status').notNull(),
    errorCode: text('error_code'),
    receivedAt: timestampTz('received_at').notNull().defaultNow(),
  },
  (t) => [index('early_status_callbacks_sid_idx').on(t.twilioSid), index('early_status_callbacks_received_idx').on(t.receivedAt)],
);

/**
 * Inbound webhooks accepted and not yet turned into conversations and messages: written in
 * one batched insert before Twilio gets its 200, processed right after by the inbound worker
 * (docs/decisions/0014). No foreign key: an account deleted meanwhile only drops its rows.
 */
export const inboundJournal = pgTable(
  'inbound_journal',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: uuid('account_id').notNull(),
    messageSid: text('message_sid').notNull(),
    /** The webhook's parameters as read after the signature check (InboundParams). */
    params: jsonb('params').notNull(),
    receivedAt: timestampTz('received_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestampTz('next_attempt_at').notNull().defaultNow(),
    lastError: text('last_error'),
  },
  (t) => [uniqueIndex('inbound_journal_sid_unique').on(t.messageSid), index('inbound_journal_due_idx').on(t.nextAttemptAt, t.id)],
);

export interface StoredHandoff {
  reason: HandoffReason;
  detail: string | null;
  at: string;
}

/**
 * Customers' messages waiting for the workstream's bot, one row per message. The bot worker
 * takes the oldest of each conversation in turn (a lease in locked_until, so a crashed instance's
 * delivery is retried with the same id) and deletes the row once the turn is settled.
 */
export const botDeliveries = pgTable(
  'bot_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: timestampTz('locked_until'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('bot_deliveries_message_unique').on(t.messageId), index('bot_deliveries_order_idx').on(t.conversationId, t.seq)],
);
