import { asc, count, eq, inArray } from 'drizzle-orm';
import type { RoutingRuleSet } from '@/api/contract/routing-rule';
import type { BotView } from '@/api/contract/bot';
import { workstreamDefaults, type Workstream } from '@/api/contract/workstream';
import { parseBotUrl } from '@/domain/bot/bot-url';
import { byNameThenCreation } from '@/domain/list-order';
import type { Queryable } from '../db/database';
import { queues, routingRules, whatsappAccounts, whatsappNumbers, workstreams, type StoredBot } from '../db/schema';
import { iso } from '../db/timestamps';

export type WorkstreamRow = typeof workstreams.$inferSelect;

export async function findWorkstream(db: Queryable, id: string): Promise<WorkstreamRow | undefined> {
  const [row] = await db.select().from(workstreams).where(eq(workstreams.id, id));
  return row;
}

/** A workstream's settings, with the defaults of those added after the row was written. */
export function settingsOf(row: Pick<WorkstreamRow, 'settings'>) {
  const { settings } = row;
  return {
    ...settings,
    wrapUpMinutes: settings.wrapUpMinutes ?? workstreamDefaults.wrapUpMinutes,
    skillFallbackMinutes: settings.skillFallbackMinutes === undefined ? workstreamDefaults.skillFallbackMinutes : settings.skillFallbackMinutes,
    keepSameAgentDays: settings.keepSameAgentDays ?? workstreamDefaults.keepSameAgentDays,
  };
}

/** A stored bot as the API shows it: never its secret, and whether its address is plain HTTP. */
export function botViewOf(bot: StoredBot | null | undefined): BotView | null {
  if (!bot) return null;
  const parsed = parseBotUrl(bot.url);
  return { ...bot, insecureUrl: parsed.ok ? parsed.value.insecure : false };
}

/** The editable fields of a stored workstream under their API names, as the audit compares them. */
export function editableFieldsOf(row: WorkstreamRow) {
  return { name: row.name, fallbackQueueId: row.fallbackQueueId, ...settingsOf(row) };
}

/** The "Set up WhatsApp" result of a stored workstream under its API names, or null. */
export function setupFieldsOf(row: WorkstreamRow) {
  if (!row.whatsapp || !row.whatsappNumberId) return null;
  const { updatedAt: _, ...setup } = row.whatsapp;
  return { numberId: row.whatsappNumberId, ...setup };
}

/**
 * Workstreams as the API shows them, by name: their fallback queue's name, the number and
 * account of their WhatsApp setup, and how many routing rules they have.
 */
export async function workstreamViews(db: Queryable, only?: string): Promise<Workstream[]> {
  const rows = await db
    .select({
      workstream: workstreams,
      queueName: queues.name,
      number: { number: whatsappNumbers.number, name: whatsappNumbers.name },
      account: { id: whatsappAccounts.id, name: whatsappAccounts.name },
    })
    .from(workstreams)
    .innerJoin(queues, eq(queues.id, workstreams.fallbackQueueId))
    .leftJoin(whatsappNumbers, eq(whatsappNumbers.id, workstreams.whatsappNumberId))
    .leftJoin(whatsappAccounts, eq(whatsappAccounts.id, whatsappNumbers.accountId))
    .where(only === undefined ? undefined : eq(workstreams.id, only))
    // Insertion order first: the sort below is stable, as the demo's is.
    .orderBy(asc(workstreams.seq));
  const ids = rows.map((r) => r.workstream.id);
  const counts =
    ids.length === 0
      ? []
      : await db
          .select({ workstreamId: routingRules.workstreamId, n: count() })
          .from(routingRules)
          .where(inArray(routingRules.workstreamId, ids))
          .groupBy(routingRules.workstreamId);

  return rows
    .map(({ workstream: row, queueName, number, account }): Workstream => {
      const { whatsapp } = row;
      return {
        id: row.id,
        name: row.name,
        type: 'messaging',
        channel: 'whatsapp',
        distributionMode: row.distributionMode,
        fallbackQueueId: row.fallbackQueueId,
        fallbackQueueName: queueName,
        ...settingsOf(row),
        bot: botViewOf(row.settings.bot),
        whatsapp:
          whatsapp && row.whatsappNumberId && number && account
            ? {
                numberId: row.whatsappNumberId,
                number: number.number,
                numberName: number.name,
                accountId: account.id,
                accountName: account.name,
                language: whatsapp.language,
                automatedMessages: whatsapp.automatedMessages,
                survey: whatsapp.survey,
                attachments: whatsapp.attachments,
                updatedAt: iso(whatsapp.updatedAt),
              }
            : null,
        routingRuleCount: Number(counts.find((c) => c.workstreamId === row.id)?.n ?? 0),
        createdAt: iso(row.createdAt),
        updatedAt: iso(row.updatedAt),
        version: row.version,
      };
    })
    .sort(byNameThenCreation);
}

export async function workstreamView(db: Queryable, id: string): Promise<Workstream> {
  const [view] = await workstreamViews(db, id);
  if (!view) throw new Error(`workstream ${id} vanished within its own transaction`);
  return view;
}

/** The ordered routing rules of a workstream, each with its queue's current name. */
export async function ruleSetOf(db: Queryable, workstream: Pick<WorkstreamRow, 'id' | 'routingVersion' | 'routingUpdatedAt'>): Promise<RoutingRuleSet> {
  const rules = await db
    .select({ rule: routingRules, queueName: queues.name })
    .from(routingRules)
    .innerJoin(queues, eq(queues.id, routingRules.queueId))
    .where(eq(routingRules.workstreamId, workstream.id))
    .orderBy(asc(routingRules.position));
  return {
    workstreamId: workstream.id,
    rules: rules.map(({ rule, queueName }) => ({
      id: rule.id,
      name: rule.name,
      conditions: rule.conditions,
      queueId: rule.queueId,
      queueName,
      requiredSkills: rule.requiredSkills,
    })),
    version: workstream.routingVersion,
    updatedAt: iso(workstream.routingUpdatedAt),
  };
}
