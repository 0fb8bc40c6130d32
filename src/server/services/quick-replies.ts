import { eq } from 'drizzle-orm';
import type { QuickReplyList } from '@/api/contract/conversation';
import { fillQuickReply, quickReplyBody } from '@/domain/quick-replies';
import type { Queryable } from '../db/database';
import { conversations } from '../db/schema';
import { visibleConversation, type Viewer } from './conversation-views';
import { refuse } from './refused';
import { findWorkstream, settingsOf } from './workstream-views';

/**
 * The workstream's quick replies for one conversation: in its language where translated, and
 * filled for the asking agent. Whoever may read the conversation may read them; anyone else is
 * told it does not exist, as for the conversation itself.
 */
export async function quickRepliesFor(db: Queryable, viewer: Viewer & { name: string }, conversationId: string): Promise<QuickReplyList> {
  const conversation = await visibleConversation(db, viewer, conversationId);
  if (!conversation) throw refuse.notFound('conversation');
  const workstream = conversation.workstreamId === null ? undefined : await findWorkstream(db, conversation.workstreamId);
  if (!workstream) return { items: [] };
  const [row] = await db.select({ contextVariables: conversations.contextVariables }).from(conversations).where(eq(conversations.id, conversation.id));
  // Context variables first: a built-in name always means the built-in value.
  const values = {
    ...row?.contextVariables,
    customerName: conversation.customer.profileName ?? conversation.customer.phone,
    agent: viewer.name,
    queue: conversation.queueName,
  };
  return {
    items: settingsOf(workstream).advanced.quickReplies.map((reply) => ({
      id: reply.id,
      title: reply.title,
      text: fillQuickReply(quickReplyBody(reply, conversation.language), values),
    })),
  };
}
