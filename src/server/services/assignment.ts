import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import { conversations, queues, users } from '../db/schema';

/**
 * Push distribution: the queue member with the fewest open conversations assigned to them;
 * on a tie, the one listed first in the queue. Members are matched to users by e-mail;
 * a member without a user account cannot take conversations. Null when nobody can.
 */
export async function pickAssignee(db: Queryable, queueId: string): Promise<string | null> {
  const [queue] = await db.select({ members: queues.members }).from(queues).where(eq(queues.id, queueId));
  const emails = (queue?.members ?? []).map((member) => member.email.toLowerCase());
  if (emails.length === 0) return null;
  const candidates = await db
    .select({ id: users.id, email: users.email, open: count(conversations.id) })
    .from(users)
    .leftJoin(conversations, and(eq(conversations.assigneeId, users.id), eq(conversations.status, 'open')))
    .where(and(inArray(sql`lower(${users.email})`, emails), inArray(users.role, ['agent', 'admin'])))
    .groupBy(users.id, users.email);
  if (candidates.length === 0) return null;
  const listed = (email: string) => emails.indexOf(email.toLowerCase());
  candidates.sort((a, b) => a.open - b.open || listed(a.email) - listed(b.email));
  return candidates[0]!.id;
}
