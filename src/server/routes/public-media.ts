import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../context';
import { sameSecret, sha256 } from '../crypto/tokens';
import { messageMedia } from '../db/schema';
import { isUuid } from '../http/input';
import { problems } from '../http/problem';
import { contentDisposition } from '@/domain/media-rules';

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
            .select({ contentType: messageMedia.contentType, filename: messageMedia.filename, data: messageMedia.data, publicTokenHash: messageMedia.publicTokenHash })
            .from(messageMedia)
            .where(eq(messageMedia.id, id))
        : [];
      // Unknown, never sent, or a wrong token: all look the same.
      if (!row?.data || !row.publicTokenHash || !sameSecret(sha256(token), row.publicTokenHash)) throw problems.notFound('attachment');
      return reply
        .header('content-type', row.contentType)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', contentDisposition(row.contentType, row.filename))
        .send(row.data);
    });
  };
}
