import { eq } from 'drizzle-orm';
import type { Presence } from '@/domain/work-distribution/presence';
import type { ServerContext } from '../context';
import { users } from '../db/schema';
import { requestAssignment } from './assignment';

type Context = Pick<ServerContext, 'db' | 'now' | 'events' | 'assignment'>;

/** Tells administrators and the user themselves what routing now sees of them. */
export async function announcePresence({ events }: Pick<ServerContext, 'events'>, userId: string, presence: Presence): Promise<void> {
  await events.publish({ event: { type: 'presence', userId, presence }, audience: { queueId: null, assigneeId: userId } });
}

/** The signed-in user chooses their presence; choosing is itself activity, so it is what routing sees at once. */
export async function setPresence(context: Context, userId: string, presence: Presence): Promise<{ presence: Presence }> {
  const at = context.now().toISOString();
  await context.db.update(users).set({ presence, lastActiveAt: at }).where(eq(users.id, userId));
  await announcePresence(context, userId, presence);
  // A presence now allowed by a workstream may take what waits.
  await requestAssignment(context);
  return { presence };
}
