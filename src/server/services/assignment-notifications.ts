import { and, desc, eq } from 'drizzle-orm';
import { assignmentNotification } from '@/domain/notifications';
import type { ServerContext } from '../context';
import { conversations, messages, queues, workstreams } from '../db/schema';
import { settingsOf } from './workstream-views';

type Context = Pick<ServerContext, 'db' | 'events'>;
type Log = { warn(object: object, message: string): void };

/**
 * Tells an agent that a conversation was just given to them (by the assignment pass or someone's
 * transfer; never their own Accept): an `assignment` live event for them alone, carrying only
 * what the workstream's notification template shows. After the commit; a failure here is logged
 * and never undoes the assignment.
 */
export async function notifyAssignee(context: Context, conversationId: string, log?: Log): Promise<void> {
  try {
    const { db } = context;
    const [row] = await db
      .select({ assigneeId: conversations.assigneeId, profileName: conversations.profileName, phone: conversations.customerPhone, queueName: queues.name, workstream: workstreams })
      .from(conversations)
      .leftJoin(queues, eq(queues.id, conversations.queueId))
      .leftJoin(workstreams, eq(workstreams.id, conversations.workstreamId))
      .where(eq(conversations.id, conversationId));
    if (!row?.assigneeId) return;
    const [latest] = await db
      .select({ body: messages.body })
      .from(messages)
      .where(and(eq(messages.conversationId, conversationId), eq(messages.author, 'customer')))
      .orderBy(desc(messages.seq))
      .limit(1);
    // Without a workstream there is no template to widen it: the queue alone.
    const template = row.workstream ? settingsOf(row.workstream).advanced.notificationTemplate : 'messagingIncoming';
    const notification = assignmentNotification(template, { queueName: row.queueName, customerName: row.profileName ?? row.phone, preview: latest?.body ?? '' });
    await context.events.publish({
      event: { type: 'assignment', conversationId, assigneeId: row.assigneeId, notification },
      audience: { queueId: null, assigneeId: row.assigneeId, personal: true },
    });
  } catch (error) {
    log?.warn({ err: { type: (error as Error).name } }, 'assignment notification not published');
  }
}
