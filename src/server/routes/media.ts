import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context';
import { pathId } from '../http/input';
import { loadAttachment } from '../services/attachments';
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

/** /api/media/:id: an attachment of a conversation the signed-in user can see. */
export function mediaRoutes(context: ServerContext): FastifyPluginAsync {
  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const attachment = await loadAttachment(context, request.session!.user, pathId(request.params, 'id', 'attachment'), request.log);
    return sendMedia(reply, attachment.contentType, attachment.filename, attachment.body);
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
