import { and, asc, eq, sql } from 'drizzle-orm';
import type { BotUpdate } from '@/api/contract/bot';
import { fieldError } from '@/api/contract/problem-bodies';
import type { Workstream } from '@/api/contract/workstream';
import type { ServerContext } from '../context';
import { seal } from '../crypto/secret-box';
import type { Queryable } from '../db/database';
import { conversations, workstreams, type StoredBot } from '../db/schema';
import { recordAudit, type Actor } from './audit';
import { handOverFromBot } from './bot-handoff';
import { publishConversationChange } from './conversation-events';
import { refuse } from './refused';
import { settingsOf, workstreamView, type WorkstreamRow } from './workstream-views';

type Context = Pick<ServerContext, 'db' | 'now' | 'keyring' | 'events' | 'wakeOutbox' | 'assignment'>;
type Log = { warn(object: object, message: string): void };

/** The context a bot's secret is sealed with: a sealed secret copied onto another workstream does not open there. */
export const botSecretContext = (workstreamId: string) => `workstream-bot:${workstreamId}`;

const secretHint = (secret: string) => secret.slice(-4);

/** The audit's names of what changed; the secret is named, never shown. */
function changedBotFields(before: StoredBot | null, after: StoredBot, secretChanged: boolean): string[] {
  if (!before) return ['bot'];
  const fields = (['name', 'url', 'firstToBot', 'maxTurns'] as const).filter((field) => before[field] !== after[field]).map((field) => `bot.${field}`);
  return secretChanged ? [...fields, 'bot.secret'] : fields;
}

const sameOrigin = (a: string, b: string) => new URL(a).origin === new URL(b).origin;

async function lockedWorkstream(tx: Queryable, id: string): Promise<WorkstreamRow> {
  const [row] = await tx.select().from(workstreams).where(eq(workstreams.id, id)).for('update');
  if (!row) throw refuse.notFound('workstream');
  return row;
}

/** PUT /api/workstreams/:id/bot: connects or changes the bot; the secret is required the first time only. */
export async function setWorkstreamBot({ db, now, keyring }: Context, actor: Actor, id: string, input: BotUpdate): Promise<Workstream> {
  return db.transaction(async (tx) => {
    const stored = await lockedWorkstream(tx, id);
    if (stored.version !== input.version) throw refuse.versionConflict('workstream');
    const before = stored.settings.bot ?? null;
    if (input.secret === undefined && (!before || stored.botSecretSealed === null)) throw refuse.validation([fieldError('secret', 'botSecret.required')]);
    // Customers' messages, signed with the stored secret, must not follow a new host without the administrator saying so again.
    if (input.secret === undefined && before && !sameOrigin(before.url, input.url)) throw refuse.validation([fieldError('secret', 'botSecret.newAddress')]);
    const bot: StoredBot = {
      name: input.name,
      url: input.url,
      firstToBot: input.firstToBot,
      maxTurns: input.maxTurns,
      secretHint: input.secret === undefined ? before!.secretHint : secretHint(input.secret),
    };
    await tx
      .update(workstreams)
      .set({
        settings: { ...settingsOf(stored), bot },
        ...(input.secret === undefined ? {} : { botSecretSealed: seal(keyring, input.secret, botSecretContext(id)) }),
        updatedAt: now().toISOString(),
        version: stored.version + 1,
      })
      .where(eq(workstreams.id, id));
    const changed = changedBotFields(before, bot, input.secret !== undefined);
    if (changed.length > 0) {
      await recordAudit(tx, actor, { action: 'updated', entityType: 'workstream', entityId: id, entityName: stored.name, changedFields: changed }, now());
    }
    return workstreamView(tx, id);
  });
}

/**
 * DELETE /api/workstreams/:id/bot: the bot and its secret go, and every conversation it has goes
 * to agents ("botRemoved"), each routed as a hand-off would route it.
 */
export interface BotConversationHandedOver {
  conversationId: string;
  before: { queueId: string | null; assigneeId: string | null };
  messageIds: string[];
  queuedOutbound: boolean;
}

/**
 * Every open conversation the workstream's bot has goes to agents ("botRemoved"), each routed as
 * a hand-off would route it; locked in id order, as every writer of several conversations does.
 */
export async function handOverEveryBotConversation(tx: Queryable, workstream: WorkstreamRow, detail: string | null, moment: Date): Promise<BotConversationHandedOver[]> {
  const withBot = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.workstreamId, workstream.id), eq(conversations.botActive, true), eq(conversations.status, 'open')))
    .orderBy(asc(conversations.id))
    .for('update');
  const handed: BotConversationHandedOver[] = [];
  for (const conversation of withBot) {
    const before = { queueId: conversation.queueId, assigneeId: conversation.assigneeId };
    handed.push({ conversationId: conversation.id, before, ...(await handOverFromBot(tx, conversation, workstream, { reason: 'botRemoved', detail }, moment)) });
  }
  return handed;
}

/** After the commit: the moved conversations reach their new audiences, and routing runs. */
export async function announceBotHandOvers(context: Context, changes: readonly BotConversationHandedOver[], log?: Log): Promise<void> {
  if (changes.some((change) => change.queuedOutbound)) context.wakeOutbox();
  for (const change of changes) await publishConversationChange(context, change.conversationId, change.messageIds, log, change.before);
  if (changes.length > 0) await context.assignment.request();
}

export async function removeWorkstreamBot(context: Context, actor: Actor, id: string, log?: Log): Promise<void> {
  const { db, now } = context;
  const moment = now();
  const changes = await db.transaction(async (tx) => {
    const stored = await lockedWorkstream(tx, id);
    if (!stored.settings.bot) throw refuse.notFound('bot');
    await tx
      .update(workstreams)
      .set({ settings: { ...settingsOf(stored), bot: null }, botSecretSealed: null, updatedAt: moment.toISOString(), version: sql`${workstreams.version} + 1` })
      .where(eq(workstreams.id, id));
    await recordAudit(tx, actor, { action: 'updated', entityType: 'workstream', entityId: id, entityName: stored.name, changedFields: ['bot'] }, moment);
    return handOverEveryBotConversation(tx, stored, null, moment);
  });
  await announceBotHandOvers(context, changes, log);
}
