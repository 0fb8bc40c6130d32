import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../context';
import { sameSecret, sha256 } from '../crypto/tokens';
import { messageMedia, messages } from '../db/schema';
import { isUuid } from '../http/input';
import { problems } from '../http/problem';
import { contentDisposition } from '@/domain/media-rules';

/** Twilio fetches the file before WhatsApp delivers it: after that the public URL is closed. */
const FETCHED_OR_FINAL = new Set(['delivered', 'read', 'failed', 'undelivered']);

/**
 * /media/:id/:token: an agent's attachment for Twilio to fetch (the MediaUrl of the
 * message). No session: the URL's random token is the key, and only its hash is stored.
 */
export function publicMediaRoutes(context: ServerContext): FastifyPluginAsync {
  return async (app) => {
    app.get('/:id/:token', async (request, reply) => {
      const { id, token } = request.params as { id: string; token: string };
      const [row] = isUuid(id)
        ? await context.db
            .select({
              contentType: messageMedia.contentType,
              filename: messageMedia.filename,
              data: messageMedia.data,
              publicTokenHash: messageMedia.publicTokenHash,
              status: messages.status,
            })
            .from(messageMedia)
            .leftJoin(messages, eq(messages.id, messageMedia.messageId))
            .where(eq(messageMedia.id, id))
        : [];
      // Unknown, never sent, a wrong token, or Twilio is done with it: all look the same.
      const open = row?.status !== undefined && row.status !== null && !FETCHED_OR_FINAL.has(row.status);
      if (!row?.data || !open || !row.publicTokenHash || !sameSecret(sha256(token), row.publicTokenHash)) throw problems.notFound('attachment');
      return reply
        .header('content-type', row.contentType)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', contentDisposition(row.contentType, row.filename))
        .send(row.data);
    });
  };
}
