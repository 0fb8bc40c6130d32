import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { conversationActionInputSchema, sendMessageInputSchema, transferInputSchema, type Conversation } from '@/api/contract/conversation';
import { fieldError, mediaProblemBody } from '@/api/contract/problem-bodies';
import { checkMedia, isAcceptedMediaType, MAX_IMAGE_BYTES, MAX_MEDIA_BYTES, normalizeMediaType, uploadFilename } from '@/domain/media-rules';
import type { ServerContext } from '../context';
import { parseBody, pathId } from '../http/input';
import { HttpProblem, problems } from '../http/problem';
import { acceptConversation, closeConversation, sendMessage, storeUpload } from '../services/conversation-actions';
import { getConversation } from '../services/conversation-pages';
import { releaseConversation, transferConversation } from '../services/conversation-transfer';
import { transferTargets } from '../services/conversation-transfer-targets';
import type { Viewer } from '../services/conversation-views';

const viewerOf = (request: FastifyRequest): Viewer & { name: string } => request.session!.user;

/**
 * The file's name travels URI-encoded in a header, as the API client sends it. Control
 * characters are dropped: a NUL cannot be stored (PostgreSQL text), and none belongs in a name.
 */
function filenameOf(request: FastifyRequest): string | null {
  const raw = request.headers['x-filename'];
  return uploadFilename(typeof raw === 'string' ? raw : null);
}

const contentTypeOf = (request: FastifyRequest) => normalizeMediaType(String(request.headers['content-type'] ?? ''));
const sizeLimitOf = (type: string) => (type.startsWith('image/') ? MAX_IMAGE_BYTES : MAX_MEDIA_BYTES);
const tooLargeCode = (type: string): 'media.imageTooLarge' | 'media.tooLarge' => (type.startsWith('image/') ? 'media.imageTooLarge' : 'media.tooLarge');

/** Agents' actions on a conversation they can see: reply, attach a file, accept, close, transfer (and where to), release. */
export function conversationActionRoutes(context: ServerContext): FastifyPluginAsync {
  const { db } = context;

  const visibleOrNotFound = async (request: FastifyRequest): Promise<Conversation> => {
    const id = pathId(request.params, 'id', 'conversation');
    return getConversation(db, viewerOf(request), id, context.now());
  };

  return async (app) => {
    app.post('/conversations/:id/messages', { config: { access: 'signedIn' } }, async (request, reply) => {
      const visible = await visibleOrNotFound(request);
      const input = parseBody(sendMessageInputSchema, request.body);
      const message = await sendMessage(context, viewerOf(request), visible.id, input, request.log);
      return reply.status(201).header('location', `/api/conversations/${visible.id}/messages`).send(message);
    });

    app.post('/conversations/:id/accept', { config: { access: 'signedIn' } }, async (request) => {
      const visible = await visibleOrNotFound(request);
      const { version } = parseBody(conversationActionInputSchema, request.body);
      return acceptConversation(context, viewerOf(request), visible.id, version, request.log);
    });

    app.post('/conversations/:id/close', { config: { access: 'signedIn' } }, async (request) => {
      const visible = await visibleOrNotFound(request);
      const { version } = parseBody(conversationActionInputSchema, request.body);
      return closeConversation(context, visible.id, version, request.log);
    });

    app.post('/conversations/:id/transfer', { config: { access: 'signedIn' } }, async (request) => {
      const visible = await visibleOrNotFound(request);
      const input = parseBody(transferInputSchema, request.body);
      return transferConversation(context, viewerOf(request), visible.id, input, request.log);
    });

    app.get('/conversations/:id/transfer-targets', { config: { access: 'signedIn' } }, async (request) => {
      const visible = await visibleOrNotFound(request);
      return transferTargets(db, viewerOf(request), visible, context.now());
    });

    app.post('/conversations/:id/release', { config: { access: 'signedIn' } }, async (request) => {
      const visible = await visibleOrNotFound(request);
      const { version } = parseBody(conversationActionInputSchema, request.body);
      return releaseConversation(context, viewerOf(request), visible.id, version, request.log);
    });

    // The upload's own scope: its raw body parser applies to this route only.
    await app.register(async (scope) => {
      const checked = new WeakMap<FastifyRequest, { conversation: Conversation; contentType: string }>();

      scope.addContentTypeParser('*', (request, payload, done) => {
        const contentType = contentTypeOf(request);
        const limit = sizeLimitOf(contentType);
        const chunks: Buffer[] = [];
        let size = 0;
        let finished = false;
        const finish = (error: Error | null, body?: Buffer) => {
          if (finished) return;
          finished = true;
          done(error, body);
        };
        payload.on('data', (chunk: Buffer) => {
          if (finished) return;
          size += chunk.length;
          // Stops keeping the bytes at the limit: a chunked upload cannot make the server buffer more.
          if (size > limit) finish(new HttpProblem(mediaProblemBody(tooLargeCode(contentType))));
          else chunks.push(chunk);
        });
        payload.on('end', () => finish(null, Buffer.concat(chunks)));
        payload.on('error', (error) => finish(error));
      });

      scope.post(
        '/conversations/:id/media',
        {
          config: { access: 'signedIn' },
          bodyLimit: MAX_MEDIA_BYTES,
          // Everything that can be refused is refused from the headers, before the body is read.
          onRequest: async (request) => {
            const conversation = await visibleOrNotFound(request);
            if (!conversation.attachments.agentsCanSend) throw problems.validation([fieldError('file', 'media.notAllowed')]);
            const contentType = contentTypeOf(request);
            if (!isAcceptedMediaType(contentType)) throw new HttpProblem(mediaProblemBody('media.type'));
            const declared = Number(request.headers['content-length'] ?? NaN);
            if (declared > sizeLimitOf(contentType)) throw new HttpProblem(mediaProblemBody(tooLargeCode(contentType)));
            checked.set(request, { conversation, contentType });
          },
        },
        async (request, reply) => {
          const { conversation, contentType } = checked.get(request)!;
          const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
          const issue = checkMedia({ type: contentType, size: bytes.length });
          if (issue === 'media.empty') throw problems.validation([fieldError('file', 'media.empty')]);
          if (issue) throw new HttpProblem(mediaProblemBody(issue));
          const upload = await storeUpload(context, viewerOf(request), conversation.id, { contentType, filename: filenameOf(request), bytes });
          return reply.status(201).send(upload);
        },
      );
    });
  };
}
