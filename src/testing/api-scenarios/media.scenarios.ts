import { describe, expect, test, type TestContext } from 'vitest';
import { problemTypes } from '@/api/contract/problem';
import { mediaProblemBody } from '@/api/contract/problem-bodies';
import { acceptedMediaTypes, MAX_IMAGE_BYTES, MAX_MEDIA_BYTES } from '@/domain/media-rules';
import { conversationWithCustomer } from './fixtures';
import { scenarioHarness, skipBecause, UNKNOWN_ID, type ScenarioBackend } from './harness';

const PASSWORD = 'correct horse battery staple';

/**
 * The behaviour of an agent's attachments: POST /api/conversations/:id/media (WhatsApp's
 * types and limits) and GET /api/media/:id. Needs the backend's `simulateInbound` for the
 * conversation. Run it against every backend (see src/mocks/handlers/media.scenarios.test.ts).
 */
export function describeMediaScenarios(name: string, setup: () => Promise<ScenarioBackend>): void {
  describe(`media API scenarios (${name})`, () => {
    let backend: ScenarioBackend;
    const harness = scenarioHarness(async () => {
      backend = await setup();
      return backend;
    });
    const { failure, fieldCodes, expectProblem } = harness;
    const api = () => harness.client;

    async function conversation(context: TestContext, attachments?: { customersCanSend: boolean; agentsCanSend: boolean }) {
      if (!backend.simulateInbound) skipBecause(context, 'the backend cannot simulate a customer');
      return (await conversationWithCustomer(harness, backend, attachments)).conversation;
    }

    const upload = (conversationId: string, bytes: Uint8Array<ArrayBuffer>, type: string, filename = 'file') =>
      api().conversations.uploadMedia(conversationId, new Blob([bytes], { type }), filename);

    /** GET /api/media/:id, outside the harness's JSON checks: an attachment is not JSON. */
    async function download(id: string) {
      const response = await harness.unrecorded(`/api/media/${id}`);
      return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
    }

    const bytesOf = (size: number, fill = 7) => new Uint8Array(size).fill(fill);

    test('every type WhatsApp takes is kept and read back as sent: photos shown, the rest downloaded', async (context) => {
      const { id } = await conversation(context);
      for (const [type, [extension]] of Object.entries(acceptedMediaTypes)) {
        const bytes = bytesOf(64 + harness.serial());
        const kept = await upload(id, bytes, type, `sample.${extension}`);
        expect(kept).toEqual({ id: kept.id, contentType: type, size: bytes.byteLength, filename: `sample.${extension}` });

        const { response, bytes: read } = await download(kept.id);
        expect(response.status, type).toBe(200);
        expect(response.headers.get('content-type')).toBe(type);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('cache-control')).toBe('private, max-age=3600');
        const disposition = type.startsWith('image/') ? 'inline' : 'attachment';
        expect(response.headers.get('content-disposition')).toBe(`${disposition}; filename="sample.${extension}"; filename*=UTF-8''sample.${extension}`);
        expect(read).toEqual(bytes);
      }
    });

    test('a type is read without its parameters and case', async (context) => {
      const { id } = await conversation(context);
      await expect(upload(id, bytesOf(10), 'Audio/OGG; codecs=opus', 'voice.ogg')).resolves.toMatchObject({ contentType: 'audio/ogg' });
    });

    test('a type WhatsApp refuses is 415 in the words of media.type', async (context) => {
      const { id } = await conversation(context);
      for (const type of ['text/plain', 'text/html', 'image/gif', 'image/svg+xml', 'application/octet-stream']) {
        const error = await failure(upload(id, bytesOf(10), type));
        expectProblem(error, 415, problemTypes.unsupportedMediaType);
        expect(error.problem, type).toEqual(mediaProblemBody('media.type'));
      }
    });

    // Storing megabytes takes PGlite a while on a busy machine; no 16 MB file is kept for that reason.
    test('limits: images up to 5 MB, other files up to 16 MB (413), an empty file is refused (400)', { timeout: 60_000 }, async (context) => {
      const { id } = await conversation(context);
      await expect(upload(id, bytesOf(MAX_IMAGE_BYTES), 'image/jpeg')).resolves.toMatchObject({ size: MAX_IMAGE_BYTES });
      const image = await failure(upload(id, bytesOf(MAX_IMAGE_BYTES + 1), 'image/png'));
      expectProblem(image, 413, problemTypes.payloadTooLarge);
      expect(image.problem).toEqual(mediaProblemBody('media.imageTooLarge'));

      await expect(upload(id, bytesOf(MAX_IMAGE_BYTES + 1), 'application/pdf')).resolves.toMatchObject({ size: MAX_IMAGE_BYTES + 1 });
      const video = await failure(upload(id, bytesOf(MAX_MEDIA_BYTES + 1), 'video/mp4'));
      expectProblem(video, 413, problemTypes.payloadTooLarge);
      expect(video.problem).toEqual(mediaProblemBody('media.tooLarge'));

      const empty = await failure(upload(id, new Uint8Array(0), 'application/pdf'));
      expectProblem(empty, 400, problemTypes.validation);
      expect(fieldCodes(empty)).toEqual(['file media.empty']);
    });

    test('where agents may not send files, an upload is refused on the file (400)', async (context) => {
      const { id } = await conversation(context, { customersCanSend: true, agentsCanSend: false });
      const error = await failure(upload(id, bytesOf(10), 'application/pdf'));
      expectProblem(error, 400, problemTypes.validation);
      expect(fieldCodes(error)).toEqual(['file media.notAllowed']);
    });

    test('file names: control characters dropped, trimmed, at most 255 characters, none when blank', async (context) => {
      const { id } = await conversation(context);
      const pdf = (filename: string) => upload(id, bytesOf(10), 'application/pdf', filename);
      await expect(pdf('  lasku\u0007 2231\u0000.pdf ')).resolves.toMatchObject({ filename: 'lasku 2231.pdf' });
      await expect(pdf('ä'.repeat(300))).resolves.toMatchObject({ filename: 'ä'.repeat(255) });
      await expect(pdf('   ')).resolves.toMatchObject({ filename: null });
      await expect(pdf('')).resolves.toMatchObject({ filename: null });
    });

    test('an unknown conversation or attachment is 404', async () => {
      expectProblem(await failure(upload(UNKNOWN_ID, bytesOf(10), 'application/pdf')), 404, problemTypes.notFound);
      const missing = await harness.send('GET', `/api/media/${UNKNOWN_ID}`, { contentType: null });
      expect(missing.status).toBe(404);
      expect(missing.json).toMatchObject({ type: problemTypes.notFound, status: 404 });
    });

    test('an agent outside the conversation’s queue can neither upload to it nor read its attachments (404)', async (context) => {
      const { id } = await conversation(context);
      const kept = await upload(id, bytesOf(10), 'application/pdf');
      const agent = await api().users.create({ name: 'Outsider', email: `outsider.${harness.serial()}@contoso.example`, role: 'agent', password: PASSWORD });
      await api().session.signOut();
      await api().session.signIn({ email: agent.email, password: PASSWORD });

      expectProblem(await failure(upload(id, bytesOf(10), 'application/pdf')), 404, problemTypes.notFound);
      const hidden = await harness.send('GET', `/api/media/${kept.id}`, { contentType: null });
      expect(hidden.status).toBe(404);
      expect(hidden.json).toMatchObject({ type: problemTypes.notFound });
    });
  });
}
