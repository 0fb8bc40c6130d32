import { http, HttpResponse, type HttpHandler } from 'msw';
import type { QuickReplyList } from '@/api/contract/conversation';
import { fillQuickReply, quickReplyBody } from '@/domain/quick-replies';
import type { ConversationRuntime } from '../conversation-runtime';
import { signedInUser, visibleConversation } from '../conversations-db';
import type { MockDb } from '../db';
import { notFound } from '../problem-responses';

/**
 * GET /api/conversations/:id/quick-replies: the workstream's quick replies in the conversation's
 * language where translated, filled for the asking user; whoever may read the conversation may
 * read them (not found and not allowed look the same).
 */
export function quickRepliesHandlers(db: MockDb, runtime: ConversationRuntime): HttpHandler[] {
  return [
    http.get('/api/conversations/:id/quick-replies', ({ params }) => {
      const user = signedInUser(db.data)!;
      const conversation = visibleConversation(db.data, user, String(params.id), runtime.now());
      if (!conversation) return notFound('conversation');
      const workstream = db.data.workstreams.find((w) => w.id === conversation.workstreamId);
      // Context variables first: the built-in names are the ones a reply means by them.
      const values = {
        ...conversation.contextVariables,
        customerName: conversation.customer.profileName ?? conversation.customer.phone,
        agent: user.name,
        queue: conversation.queueName,
      };
      const items: QuickReplyList['items'] = (workstream?.advanced.quickReplies ?? []).map((reply) => ({
        id: reply.id,
        title: reply.title,
        text: fillQuickReply(quickReplyBody(reply, conversation.language), values),
      }));
      return HttpResponse.json({ items } satisfies QuickReplyList);
    }),
  ];
}
