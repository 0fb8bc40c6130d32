import { asc, eq } from 'drizzle-orm';
import { routeConversation } from '@/domain/routing-rules';
import type { WhatsAppLanguage } from '@/domain/whatsapp-languages';
import type { Queryable } from '../db/database';
import { routingRules, whatsappNumbers, workstreams } from '../db/schema';
import { pickAssignee } from './assignment';

export type WorkstreamRow = typeof workstreams.$inferSelect;

/** A conversation's language when its number has no WhatsApp setup. */
export const DEFAULT_CONVERSATION_LANGUAGE: WhatsAppLanguage = 'en';

export interface Routing {
  /** The workstream bound to the business number, or null when the number has none. */
  workstream: WorkstreamRow | null;
  queueId: string | null;
  assigneeId: string | null;
  language: WhatsAppLanguage;
}

/** The workstream bound to an account's number (E.164), if any. */
export async function workstreamOfNumber(db: Queryable, accountId: string, number: string): Promise<WorkstreamRow | null> {
  const [row] = await db
    .select({ workstream: workstreams, accountId: whatsappNumbers.accountId })
    .from(workstreams)
    .innerJoin(whatsappNumbers, eq(whatsappNumbers.id, workstreams.whatsappNumberId))
    .where(eq(whatsappNumbers.number, number));
  return row && row.accountId === accountId ? row.workstream : null;
}

/**
 * Where a new conversation goes: the workstream of the number it came to, the queue of its
 * first matching rule (else the fallback queue), and in push mode the member to take it.
 */
export async function routeNewConversation(
  db: Queryable,
  accountId: string,
  businessNumber: string,
  first: { customerPhone: string; firstMessage: string },
): Promise<Routing> {
  const workstream = await workstreamOfNumber(db, accountId, businessNumber);
  if (!workstream) return { workstream: null, queueId: null, assigneeId: null, language: DEFAULT_CONVERSATION_LANGUAGE };
  const rules = await db
    .select({ conditions: routingRules.conditions, queueId: routingRules.queueId })
    .from(routingRules)
    .where(eq(routingRules.workstreamId, workstream.id))
    .orderBy(asc(routingRules.position));
  const { queueId } = routeConversation(rules, workstream.fallbackQueueId, first);
  const assigneeId = workstream.distributionMode === 'push' ? await pickAssignee(db, queueId) : null;
  return { workstream, queueId, assigneeId, language: workstream.whatsapp?.language ?? DEFAULT_CONVERSATION_LANGUAGE };
}
