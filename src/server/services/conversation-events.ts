import type { ServerContext } from '../context';
import { audienceOf, conversationView, messageViews } from './conversation-views';

type Context = Pick<ServerContext, 'db' | 'events' | 'now'>;
type Audience = ReturnType<typeof audienceOf>;
type Log = { warn(object: object, message: string): void };

/**
 * A conversation's change as live events once it has committed: its new messages, then the
 * conversation. `before` is who saw it before a move (its old queue and assignee): they hear
 * of it too, so that it leaves their lists. A failure to publish does not undo the change.
 */
export async function publishConversationChange(context: Context, conversationId: string, messageIds: readonly string[], log?: Log, before?: Audience): Promise<void> {
  try {
    const conversation = await conversationView(context.db, conversationId, context.now());
    if (!conversation) return;
    const audiences = [audienceOf(conversation)];
    if (before && (before.queueId !== conversation.queueId || before.assigneeId !== conversation.assigneeId)) audiences.push(before);
    const messages = await messageViews(context.db, [...messageIds]);
    for (const audience of audiences) {
      for (const message of messages) await context.events.publish({ event: { type: 'message', message }, audience });
      await context.events.publish({ event: { type: 'conversation', conversation }, audience });
    }
  } catch (error) {
    log?.warn({ err: { type: (error as Error).name } }, 'live event not published');
  }
}
