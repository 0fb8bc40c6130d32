import { eq, inArray, sql } from 'drizzle-orm';
import type { Presence } from '@/domain/work-distribution/presence';
import type { Skill } from '@/domain/work-distribution/skills';
import { queueMembers, users } from '../../server/db/schema';
import type { TestServer } from './test-server';

/**
 * Makes users members of a queue straight in the database, after its present members, and
 * active now: routing counts a user who made no request for a few minutes as Offline.
 */
export async function addQueueMembers(server: TestServer, queueId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  const [row] = await server.context.db
    .select({ next: sql<number>`coalesce(max(${queueMembers.position}), -1) + 1` })
    .from(queueMembers)
    .where(eq(queueMembers.queueId, queueId));
  const next = Number(row?.next ?? 0);
  await server.context.db
    .insert(queueMembers)
    .values(userIds.map((userId, i) => ({ queueId, userId, position: next + i })))
    .onConflictDoNothing();
  await markActive(server, userIds);
}

/** As if the users had just made a request (at the server's clock), with their chosen presence and routing settings. */
export async function markActive(
  server: TestServer,
  userIds: readonly string[],
  settings: { presence?: Presence; capacity?: number; skills?: Skill[] } = {},
): Promise<void> {
  if (userIds.length === 0) return;
  await server.context.db
    .update(users)
    .set({ lastActiveAt: server.context.now().toISOString(), ...settings })
    .where(inArray(users.id, [...userIds]));
}
