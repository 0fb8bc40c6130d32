import { http, HttpResponse, type HttpHandler } from 'msw';
import { mediaProblemBody, validationProblemBody } from '@/api/contract/problem-bodies';
import { checkMedia, contentDisposition, normalizeMediaType, uploadFilename } from '@/domain/media-rules';
import type { ConversationRuntime } from '../conversation-runtime';
import { signedInUser, visibleConversation } from '../conversations-db';
import type { MockDb } from '../db';
import { newId } from '../ids';
import { fieldError, notFound, problem } from '../problem-responses';

/** An agent's attachment, checked against WhatsApp's limits before it is kept; and attachments read back. */
export function mediaHandlers(db: MockDb, runtime: ConversationRuntime): HttpHandler[] {
  const currentUser = () => signedInUser(db.data)!;

  return [
    http.post('/api/conversations/:id/media', async ({ params, request }) => {
      const conversationId = String(params.id);
      const conversation = visibleConversation(db.data, currentUser(), conversationId, runtime.now());
      if (!conversation) return notFound('conversation');
      if (!conversation.attachments.agentsCanSend) return problem(validationProblemBody([fieldError('file', 'media.notAllowed')]));
      const contentType = normalizeMediaType(request.headers.get('content-type') ?? '');
      const bytes = new Uint8Array(await request.arrayBuffer());
      const issue = checkMedia({ type: contentType, size: bytes.byteLength });
      if (issue === 'media.type' || issue === 'media.tooLarge' || issue === 'media.imageTooLarge') return problem(mediaProblemBody(issue));
      if (issue) return problem(validationProblemBody([fieldError('file', issue)]));

      const upload = db.write((draft) => {
        const stored = {
          id: newId(),
          conversationId,
          messageId: null,
          contentType,
          // The file's name travels URI-encoded in a header, as the API client sends it.
          filename: uploadFilename(request.headers.get('x-filename')),
          size: bytes.byteLength,
          uploadedBy: currentUser().id,
          createdAt: runtime.now().toISOString(),
        };
        draft.media.push(stored);
        return stored;
      });
      runtime.media.put(upload.id, bytes);
      const { id, filename, size } = upload;
      return HttpResponse.json({ id, contentType, size, filename }, { status: 201 });
    }),

    http.get('/api/media/:id', ({ params }) => {
      const media = db.data.media.find((m) => m.id === String(params.id));
      const bytes = media ? runtime.media.get(media.id) : undefined;
      if (!media || !bytes || !visibleConversation(db.data, currentUser(), media.conversationId, runtime.now())) return notFound('attachment');
      return new HttpResponse(bytes.slice().buffer, {
        headers: {
          'content-type': media.contentType,
          'content-length': String(bytes.byteLength),
          'cache-control': 'private, max-age=3600',
          'content-disposition': contentDisposition(media.contentType, media.filename),
          'x-content-type-options': 'nosniff',
        },
      });
    }),
  ];
}
