import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { problemTypes } from '@/api/contract/problem';
import type { ServerContext } from '../context';
import { open, SecretUnavailableError } from '../crypto/secret-box';
import { conversations, messageMedia, whatsappAccounts } from '../db/schema';
import { pathId } from '../http/input';
import { HttpProblem, problems } from '../http/problem';
import { visibleConversation } from '../services/conversation-views';
import { TwilioRequestError, type TwilioCredentials } from '../twilio/gateway';
import { contentDisposition } from '@/domain/media-rules';

const PRIVATE_CACHE = 'private, max-age=3600';

function sendMedia(reply: FastifyReply, contentType: string, filename: string | null, body: Buffer) {
  return reply
    .header('content-type', contentType)
    .header('cache-control', PRIVATE_CACHE)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', contentDisposition(contentType, filename))
    .send(body);
}

const mediaUnavailable = () =>
  new HttpProblem({
    type: problemTypes.unavailable,
    title: 'Attachment unavailable',
    status: 502,
    detail: 'Twilio could not provide this attachment now. Try again later.',
  });

/** /api/media/:id: an attachment of a conversation the signed-in user can see. */
export function mediaRoutes(context: ServerContext): FastifyPluginAsync {
  const { db } = context;

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const id = pathId(request.params, 'id', 'attachment');
    const [row] = await db
      .select({ media: messageMedia, accountId: conversations.accountId })
      .from(messageMedia)
      .innerJoin(conversations, eq(conversations.id, messageMedia.conversationId))
      .where(eq(messageMedia.id, id));
    if (!row || !(await visibleConversation(db, request.session!.user, row.media.conversationId))) throw problems.notFound('attachment');
    const { media } = row;
    if (media.data) return sendMedia(reply, media.contentType, media.filename, media.data);
    if (!media.twilioUrl) throw problems.notFound('attachment');

    const [account] = await db.select().from(whatsappAccounts).where(eq(whatsappAccounts.id, row.accountId));
    if (!account) throw problems.notFound('attachment');
    let credentials: TwilioCredentials;
    try {
      credentials = { accountSid: account.accountSid, authToken: open(context.keyring, account.authTokenSealed, account.id) };
    } catch (error) {
      if (!(error instanceof SecretUnavailableError)) throw error;
      request.log.error({ mediaId: id, reason: error.message }, 'inbound attachment: the account’s auth token cannot be opened');
      throw mediaUnavailable();
    }
    try {
      const fetched = await context.twilio.fetchMedia(credentials, media.twilioUrl);
      // The type the webhook announced is what the customer sent; the download's header may be generic.
      return sendMedia(reply, media.contentType || fetched.contentType, media.filename, fetched.body);
    } catch (error) {
      if (!(error instanceof TwilioRequestError)) throw error;
      request.log.warn({ mediaId: id, status: error.status, code: error.code }, 'inbound attachment not fetched');
      if (error.status === 404) throw problems.notFound('attachment');
      throw mediaUnavailable();
    }
  };

  return async (app) => {
    app.get(
      '/media/:id',
      {
        config: { access: 'signedIn' },
        // After the API's blanket no-store: an attachment never changes, so this user's browser may keep it.
        onSend: async (_request, reply, payload) => {
          if (reply.statusCode === 200) reply.header('cache-control', PRIVATE_CACHE);
          return payload;
        },
      },
      serve,
    );
  };
}
