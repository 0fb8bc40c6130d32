import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { OperatingHours, QueueMember } from '@/api/contract/queue';
import type { AutomatedMessage, Survey } from '@/api/contract/whatsapp-setup';
import type { RoutingCondition } from '@/domain/routing-rules';
import type { WhatsAppLanguage } from '@/domain/whatsapp-languages';

/*
 * One schema for PGlite and PostgreSQL. The rules that two concurrent requests could
 * break live here as constraints: unique names and numbers, a number bound to one
 * workstream, queues that cannot vanish while used (ON DELETE RESTRICT).
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
  (t) => [uniqueIndex('whatsapp_numbers_number_unique').on(t.number), index('whatsapp_numbers_account_idx').on(t.accountId)],
);

export const queues = pgTable(
  'queues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    type: text('type').notNull().default('messaging'),
    priority: integer('priority').notNull(),
    members: jsonb('members').$type<QueueMember[]>().notNull(),
    operatingHours: jsonb('operating_hours').$type<OperatingHours | null>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [uniqueIndex('queues_name_unique').on(t.nameKey)],
);

/** Settings that are read and written as a whole with the workstream. */
export interface WorkstreamSettings {
  capacity: { mode: 'unit' | 'profile'; value: number };
  blockCapacityForWrapUp: boolean;
  allowedPresences: ('available' | 'busy' | 'doNotDisturb' | 'away')[];
  skillMatching: 'exact' | 'closest' | 'none';
  keepSameAgent: boolean;
  advanced: {
    sessionTemplate: 'messagingDefault' | 'messagingFocused';
    notificationTemplate: 'messagingIncoming' | 'messagingIncomingWithPreview';
    contextVariables: { name: string; type: 'text' | 'number' }[];
    smartAssist: boolean;
    quickReplies: boolean;
  };
  bot: { name: string; firstToBot: boolean } | null;
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
  },
  (t) => [index('audit_events_entity_idx').on(t.entityType, t.seq), index('audit_events_actor_idx').on(t.actorId, t.seq)],
);
