import type { FastifyPluginAsync } from 'fastify';
import type { ServerContext } from '../context';
import { loadPublicAttachment } from '../services/attachments';
import { contentDisposition } from '@/domain/media-rules';

/**
 * /media/:id/:token: an agent's attachment for Twilio to fetch (the MediaUrl of the
 * message). No session: the URL's random token is the key, and only its hash is stored.
 */
export function publicMediaRoutes(context: ServerContext): FastifyPluginAsync {
  return async (app) => {
    app.get('/:id/:token', async (request, reply) => {
      const { id, token } = request.params as { id: string; token: string };
      const attachment = await loadPublicAttachment(context.db, id, token);
      return reply
        .header('content-type', attachment.contentType)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', contentDisposition(attachment.contentType, attachment.filename))
        .send(attachment.body);
    });
  };
}
