import { and, asc, eq } from 'drizzle-orm';
import { routeConversation } from '@/domain/routing-rules';
import type { Skill } from '@/domain/work-distribution/skills';
import type { WhatsAppLanguage } from '@/domain/whatsapp-languages';
import type { Queryable } from '../db/database';
import { routingRules, whatsappNumbers, workstreams } from '../db/schema';

export type WorkstreamRow = typeof workstreams.$inferSelect;

/** A conversation's language when its number has no WhatsApp setup. */
export const DEFAULT_CONVERSATION_LANGUAGE: WhatsAppLanguage = 'en';

export interface Routing {
  /** The workstream bound to the business number, or null when the number has none. */
  workstream: WorkstreamRow | null;
  queueId: string | null;
  /** The skills of the rule that matched: the assignment pass looks for agents who have them. */
  requiredSkills: Skill[];
  language: WhatsAppLanguage;
}

/** The workstream bound to an account's number (E.164), if any. */
export async function workstreamOfNumber(db: Queryable, accountId: string, number: string): Promise<WorkstreamRow | null> {
  // By account and number: several accounts may hold the sandbox sender, each bound to its own workstream.
  const [row] = await db
    .select({ workstream: workstreams })
    .from(workstreams)
    .innerJoin(whatsappNumbers, eq(whatsappNumbers.id, workstreams.whatsappNumberId))
    .where(and(eq(whatsappNumbers.accountId, accountId), eq(whatsappNumbers.number, number)));
  return row?.workstream ?? null;
}

/**
 * Where a new conversation goes: the workstream of the number it came to, the queue of its
 * first matching rule (else the fallback queue) with the skills it requires. Nobody is assigned
 * here: the assignment pass gives it to an agent after the commit.
 */
export async function routeNewConversation(
  db: Queryable,
  accountId: string,
  businessNumber: string,
  first: { customerPhone: string; firstMessage: string },
): Promise<Routing> {
  const workstream = await workstreamOfNumber(db, accountId, businessNumber);
  if (!workstream) return { workstream: null, queueId: null, requiredSkills: [], language: DEFAULT_CONVERSATION_LANGUAGE };
  const rules = await db
    .select({ conditions: routingRules.conditions, queueId: routingRules.queueId, requiredSkills: routingRules.requiredSkills })
    .from(routingRules)
    .where(eq(routingRules.workstreamId, workstream.id))
    .orderBy(asc(routingRules.position));
  const { queueId, rule } = routeConversation(rules, workstream.fallbackQueueId, first);
  return { workstream, queueId, requiredSkills: rule?.requiredSkills ?? [], language: workstream.whatsapp?.language ?? DEFAULT_CONVERSATION_LANGUAGE };
}
