import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { conversationQuerySchema, type ConversationPage, type MessagePage, type QuickReplyList } from '@/api/contract/conversation';
import { strictInputErrors } from '@/api/contract/fields';
import type { ServerContext } from '../context';
import { pathId } from '../http/input';
import { problems } from '../http/problem';
import { getConversation, listConversations, listMessages } from '../services/conversation-pages';
import type { Viewer } from '../services/conversation-views';
import { quickRepliesFor } from '../services/quick-replies';

/** GET /api/conversations/:id/messages query string. */
const messageQuerySchema = z.strictObject({ before: z.string().max(200, { error: 'field.invalid' }).optional() }, strictInputErrors);

export function conversationRoutes(context: ServerContext): FastifyPluginAsync {
  const { db } = context;
  const signedIn = { config: { access: 'signedIn' as const } };
  const viewerOf = (request: { session: { user: Viewer & { name: string } } | null }) => request.session!.user;

  return async (app) => {
    app.get('/conversations', signedIn, async (request): Promise<ConversationPage> => {
      const parsed = conversationQuerySchema.safeParse(request.query);
      if (!parsed.success) throw problems.zod(parsed.error, request.query);
      return listConversations(db, viewerOf(request), parsed.data, context.now());
    });

    app.get('/conversations/:id', signedIn, async (request) => getConversation(db, viewerOf(request), pathId(request.params, 'id', 'conversation'), context.now()));

    app.get('/conversations/:id/messages', signedIn, async (request): Promise<MessagePage> => {
      const conversation = await getConversation(db, viewerOf(request), pathId(request.params, 'id', 'conversation'));
      const parsed = messageQuerySchema.safeParse(request.query);
      if (!parsed.success) throw problems.zod(parsed.error, request.query);
      return listMessages(db, conversation.id, parsed.data.before);
    });

    app.get('/conversations/:id/quick-replies', signedIn, async (request): Promise<QuickReplyList> =>
      quickRepliesFor(db, viewerOf(request), pathId(request.params, 'id', 'conversation')),
    );
  };
}
