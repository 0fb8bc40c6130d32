// @vitest-environment node
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Conversation, MediaUpload, Message } from '@/api/contract/conversation';
import { windowClosedDetail } from '@/api/contract/conversation';
import { PROBLEM_CONTENT_TYPE, problemTypes, type Problem } from '@/api/contract/problem';
import { conversationClosedDetail, conversationTakenDetail } from '@/api/contract/problem-bodies';
import { conversationValidationMessages } from '@/domain/validation/conversations';
import { CSRF_HEADER } from '@/api/contract/session';
import { createSession } from '../auth/session-store';
import type { PublishedEvent } from '../events/event-bus';
import { conversations, messageMedia, messages, outbox } from '../db/schema';
import { createChannel, type Channel } from '../../testing/server/channel-fixture';
import { changeWhatsAppSetup, insertConversation, insertTemplate } from '../../testing/server/conversation-fixture';
import { fakeTwilio, type FakeTwilio } from '../../testing/server/fake-twilio';
import { describeEachDatabase } from '../../testing/server/each-database';
import { addQueueMembers } from '../../testing/server/routing-fixture';
import { signedInUser, startTestServer, type TestServer } from '../../testing/server/test-server';

type User = Awaited<ReturnType<typeof signedInUser>>;

const HOUR = 60 * 60 * 1000;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2000, 7)]);

describeEachDatabase('agents’ actions on conversations (server on %s)', (kind) => {
  let server: TestServer;
  let twilio: FakeTwilio;
  let admin: User;
  let agent: User;
  let outsider: User;
  let channel: Channel;
  let events: PublishedEvent[];

  beforeAll(async () => {
    twilio = fakeTwilio();
    server = await startTestServer(kind, {}, undefined, { twilio: twilio.gateway });
    admin = await signedInUser(server, 'admin');
    agent = await signedInUser(server, 'agent', 'Aino Agent');
    outsider = await signedInUser(server, 'agent', 'Otto Outsider');
    channel = await createChannel(server, admin.fetch, { members: [agent.id] });
    server.context.events.subscribe((published) => events.push(published));
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(async () => {
    // What earlier tests left in the outbox (some at moved clocks) goes first, so each test sees its own sends.
    server.setNow(new Date(Date.now() + 100 * 24 * HOUR));
    await server.outbox.runDue();
    server.setNow(null);
    events = [];
    twilio.sends.length = 0;
  });

  /** The server's clock moved, with a session of the user that is fresh at that time. */
  async function at(date: Date, user: User): Promise<User> {
    server.setNow(date);
    const session = await createSession(server.context.db, user.id, date, 60);
    const cookie = `wa_session=${session.token}`;
    const fetchAs: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set('cookie', cookie);
      headers.set(CSRF_HEADER, session.csrfToken);
      return fetch(input, { ...init, headers });
    };
    return { ...user, cookie, csrfToken: session.csrfToken, fetch: fetchAs };
  }

  const url = (path: string) => `${server.baseUrl}${path}`;
  const post = (user: User, path: string, body: unknown) =>
    user.fetch(url(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const send = (user: User, conversationId: string, body: unknown) => post(user, `/api/conversations/${conversationId}/messages`, body);
  const upload = (user: User, conversationId: string, bytes: Buffer, type: string, filename = 'photo.png') =>
    user.fetch(url(`/api/conversations/${conversationId}/media`), {
      method: 'POST',
      headers: { 'content-type': type, 'x-filename': encodeURIComponent(filename) },
      body: new Uint8Array(bytes),
    });

  async function problemOf(response: Response, status: number): Promise<Problem> {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
    return (await response.json()) as Problem;
  }

  const rowOf = async (id: string) => (await server.context.db.select().from(conversations).where(eq(conversations.id, id)))[0]!;
  const messagesOf = async (id: string) => server.context.db.select().from(messages).where(eq(messages.conversationId, id)).orderBy(messages.seq);

  describe('sending', () => {
    it('writes a reply to the outbox, updates the conversation, publishes it, and the worker sends it once', async () => {
      const conversation = await insertConversation(server, channel);
      const response = await send(agent, conversation.id, { kind: 'text', body: 'Hei! Miten voin auttaa? 😊' });
      expect(response.status).toBe(201);
      const message = (await response.json()) as Message;
      expect(message).toMatchObject({
        conversationId: conversation.id,
        direction: 'outbound',
        author: 'agent',
        authorName: 'Aino Agent',
        body: 'Hei! Miten voin auttaa? 😊',
        status: 'pending',
        template: null,
        media: [],
        twilioSid: null,
      });
      expect(await server.context.db.select().from(outbox).where(eq(outbox.messageId, message.id))).toHaveLength(1);
      const row = await rowOf(conversation.id);
      expect(row).toMatchObject({ version: conversation.version + 1, waitingForReply: false, lastMessagePreview: 'Hei! Miten voin auttaa? 😊' });
      expect(events.map((e) => e.event.type)).toEqual(['message', 'conversation']);
      expect(events[0]!.audience).toEqual({ queueId: channel.fallbackQueue.id, assigneeId: null });

      events = [];
      expect(await server.outbox.runDue()).toBe(1);
      expect(twilio.sends).toHaveLength(1);
      const sent = twilio.sends[0]!;
      expect(sent.message).toEqual({
        from: `whatsapp:${channel.number}`,
        to: `whatsapp:${conversation.customerPhone}`,
        body: 'Hei! Miten voin auttaa? 😊',
        statusCallback: `${server.baseUrl}/webhooks/twilio/status/${channel.account.id}`,
      });
      expect(sent.credentials).toEqual({ accountSid: channel.account.accountSid, authToken: channel.authToken });
      const [stored] = await messagesOf(conversation.id);
      expect(stored).toMatchObject({ status: 'queued', twilioSid: sent.answered });
      expect(await server.context.db.select().from(outbox)).toHaveLength(0);
      expect(events.map((e) => e.event.type)).toEqual(['message']);
      expect(events[0]!.event).toMatchObject({ type: 'message', message: { id: message.id, status: 'queued', twilioSid: sent.answered } });

      expect(await server.outbox.runDue()).toBe(0);
      expect(twilio.sends).toHaveLength(1);
    });

    it('refuses a free-form reply 24 hours after the customer’s last message, with the reference’s words', async () => {
      const conversation = await insertConversation(server, channel);
      const late = await at(new Date(Date.now() + 24 * HOUR + 60_000), agent);
      const problem = await problemOf(await send(late, conversation.id, { kind: 'text', body: 'Still there?' }), 422);
      expect(problem).toMatchObject({ type: problemTypes.windowClosed, status: 422, detail: windowClosedDetail });
      expect(await messagesOf(conversation.id)).toHaveLength(0);
      expect((await rowOf(conversation.id)).version).toBe(conversation.version);

      // Just inside the window it goes.
      const inTime = await at(new Date(new Date(conversation.lastInboundAt!).getTime() + 24 * HOUR - 60_000), agent);
      expect((await send(inTime, conversation.id, { kind: 'text', body: 'Still there?' })).status).toBe(201);
    });

    it('refuses a free-form message in a conversation the customer never wrote in', async () => {
      const conversation = await insertConversation(server, channel, { lastInboundAt: null });
      const problem = await problemOf(await send(agent, conversation.id, { kind: 'text', body: 'Hello' }), 422);
      expect(problem.detail).toBe(windowClosedDetail);
    });

    it('sends an approved template outside the window, with ContentSid and ContentVariables as Twilio expects', async () => {
      const template = await insertTemplate(server, channel.account.id, { contentSid: 'HX' + 'ab'.repeat(16) });
      const conversation = await insertConversation(server, channel);
      const late = await at(new Date(Date.now() + 30 * HOUR), agent);
      const response = await send(late, conversation.id, { kind: 'template', templateId: template.id, variables: ['Maija', 'A-123 & "co"'] });
      expect(response.status).toBe(201);
      const message = (await response.json()) as Message;
      expect(message).toMatchObject({
        body: 'Hi Maija, your order A-123 & "co" has shipped.',
        template: { templateId: template.id, name: template.name, contentSid: template.contentSid, variables: ['Maija', 'A-123 & "co"'] },
      });
      await server.outbox.runDue();
      const sent = twilio.sends[0]!.message;
      expect(sent.contentSid).toBe(template.contentSid);
      expect(JSON.parse(sent.contentVariables!)).toEqual({ 1: 'Maija', 2: 'A-123 & "co"' });
      expect(sent.contentVariables).toBe('{"1":"Maija","2":"A-123 & \\"co\\""}');
      expect(sent.body).toBeUndefined();
    });

    it('refuses a template with the wrong number of variables, an unapproved one, another account’s, or an unknown one', async () => {
      const conversation = await insertConversation(server, channel);
      const approved = await insertTemplate(server, channel.account.id);
      const pending = await insertTemplate(server, channel.account.id, { status: 'pending', contentSid: null });
      const other = await createChannel(server, admin.fetch);
      const foreign = await insertTemplate(server, other.account.id);

      const codes = async (body: unknown) => (await problemOf(await send(agent, conversation.id, body), 400)).errors!.map((e) => [e.path, e.code]);
      expect(await codes({ kind: 'template', templateId: approved.id, variables: ['only one'] })).toEqual([['variables', 'variables.count']]);
      expect(await codes({ kind: 'template', templateId: approved.id, variables: ['a', 'b', 'c'] })).toEqual([['variables', 'variables.count']]);
      expect(await codes({ kind: 'template', templateId: pending.id, variables: ['a', 'b'] })).toEqual([['templateId', 'template.notApproved']]);
      expect(await codes({ kind: 'template', templateId: foreign.id, variables: ['a', 'b'] })).toEqual([['templateId', 'template.wrongAccount']]);
      expect(await codes({ kind: 'template', templateId: '5f0c0f7e-0000-4000-8000-000000000000', variables: [] })).toEqual([['templateId', 'template.required']]);
      expect(await codes({ kind: 'text', body: '   ' })).toEqual([['body', 'reply.required']]);
      expect(await messagesOf(conversation.id)).toHaveLength(0);
    });

    it('refuses to send in a closed conversation', async () => {
      const conversation = await insertConversation(server, channel, { status: 'closed', closedAt: new Date().toISOString() });
      const problem = await problemOf(await send(agent, conversation.id, { kind: 'text', body: 'Hello?' }), 409);
      expect(problem).toMatchObject({ type: problemTypes.conflict, detail: conversationClosedDetail });
    });

    it('lets agents act only on conversations they can see', async () => {
      const conversation = await insertConversation(server, channel);
      expect((await problemOf(await send(outsider, conversation.id, { kind: 'text', body: 'Hi' }), 404)).type).toBe(problemTypes.notFound);
      expect((await problemOf(await post(outsider, `/api/conversations/${conversation.id}/accept`, { version: 1 }), 404)).type).toBe(problemTypes.notFound);
      const assigned = await insertConversation(server, channel, { queueId: null, assigneeId: outsider.id });
      expect((await send(outsider, assigned.id, { kind: 'text', body: 'Hi, I took this' })).status).toBe(201);
      expect((await send(admin, conversation.id, { kind: 'text', body: 'An admin sees all' })).status).toBe(201);
      const anonymous = await fetch(url(`/api/conversations/${conversation.id}/messages`), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'text', body: 'Hi' }),
      });
      expect(anonymous.status).toBe(401);
    });
  });

  describe('attachments', () => {
    it('uploads a file, sends it with a MediaUrl Twilio can fetch without a session, and serves it to those who can see it', async () => {
      const conversation = await insertConversation(server, channel);
      const uploaded = await upload(agent, conversation.id, PNG, 'image/png', 'kuva ä.png');
      expect(uploaded.status).toBe(201);
      const media = (await uploaded.json()) as MediaUpload;
      expect(media).toMatchObject({ contentType: 'image/png', size: PNG.length, filename: 'kuva ä.png' });

      const response = await send(agent, conversation.id, { kind: 'text', body: '', mediaId: media.id });
      expect(response.status).toBe(201);
      const message = (await response.json()) as Message;
      expect(message.media).toEqual([{ id: media.id, contentType: 'image/png', url: `/api/media/${media.id}`, filename: 'kuva ä.png', size: PNG.length }]);
      expect((await rowOf(conversation.id)).lastMessagePreview).toBe('📎');

      await server.outbox.runDue();
      const sent = twilio.sends[0]!.message;
      expect(sent.body).toBeUndefined();
      expect(sent.mediaUrl).toHaveLength(1);
      const mediaUrl = sent.mediaUrl![0]!;
      expect(mediaUrl).toMatch(new RegExp(`^${server.baseUrl}/media/${media.id}/[\\w-]{40,}$`));

      const fetched = await fetch(mediaUrl);
      expect(fetched.status).toBe(200);
      expect(fetched.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await fetched.arrayBuffer()).equals(PNG)).toBe(true);
      expect((await fetch(`${mediaUrl.slice(0, -4)}AAAA`)).status).toBe(404);
      expect((await fetch(url(`/media/${media.id}/`))).status).toBe(404);
      const [stored] = await server.context.db.select({ hash: messageMedia.publicTokenHash }).from(messageMedia).where(eq(messageMedia.id, media.id));
      expect(stored!.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(mediaUrl).not.toContain(stored!.hash!);
      // Once WhatsApp has delivered it, Twilio has fetched the file: the public URL closes.
      await server.context.db.update(messages).set({ status: 'delivered' }).where(eq(messages.id, message.id));
      expect((await fetch(mediaUrl)).status).toBe(404);

      const forAgent = await agent.fetch(url(`/api/media/${media.id}`));
      expect(forAgent.status).toBe(200);
      expect(forAgent.headers.get('cache-control')).toContain('private');
      expect(forAgent.headers.get('x-content-type-options')).toBe('nosniff');
      expect(forAgent.headers.get('content-disposition')).toMatch(/^inline;/);
      expect(Buffer.from(await forAgent.arrayBuffer()).equals(PNG)).toBe(true);
      expect((await outsider.fetch(url(`/api/media/${media.id}`))).status).toBe(404);
      expect((await fetch(url(`/api/media/${media.id}`))).status).toBe(401);
    });

    it('checks the type and size of a file before keeping it', async () => {
      const conversation = await insertConversation(server, channel);
      const type = await problemOf(await upload(agent, conversation.id, Buffer.from('hello'), 'text/plain', 'notes.txt'), 415);
      expect(type).toMatchObject({ type: problemTypes.unsupportedMediaType, detail: conversationValidationMessages['media.type'] });
      expect(type.errors).toEqual([{ path: 'file', code: 'media.type', message: conversationValidationMessages['media.type'] }]);

      const bigImage = await problemOf(await upload(agent, conversation.id, Buffer.alloc(5 * 1024 * 1024 + 1, 1), 'image/jpeg'), 413);
      expect(bigImage).toMatchObject({ type: problemTypes.payloadTooLarge, detail: conversationValidationMessages['media.imageTooLarge'] });
      const bigPdf = await problemOf(await upload(agent, conversation.id, Buffer.alloc(16 * 1024 * 1024 + 1, 1), 'application/pdf', 'big.pdf'), 413);
      expect(bigPdf.detail).toBe(conversationValidationMessages['media.tooLarge']);
      const empty = await problemOf(await upload(agent, conversation.id, Buffer.alloc(0), 'application/pdf', 'empty.pdf'), 400);
      expect(empty.errors?.[0]?.code).toBe('media.empty');

      // Without a Content-Length the body is read only up to the limit.
      const chunked = await agent.fetch(url(`/api/conversations/${conversation.id}/media`), {
        method: 'POST',
        headers: { 'content-type': 'image/png' },
        body: new ReadableStream({
          start(controller) {
            for (let i = 0; i < 6; i++) controller.enqueue(new Uint8Array(1024 * 1024));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      expect((await problemOf(chunked, 413)).detail).toBe(conversationValidationMessages['media.imageTooLarge']);

      const pdf = await upload(agent, conversation.id, Buffer.alloc(6 * 1024 * 1024, 1), 'application/pdf', 'manual.pdf');
      expect(pdf.status).toBe(201);
      expect(await server.context.db.select({ id: messageMedia.id }).from(messageMedia).where(eq(messageMedia.conversationId, conversation.id))).toHaveLength(1);
    });

    it('refuses agents’ files when the workstream does not allow them', async () => {
      const conversation = await insertConversation(server, channel);
      const early = (await (await upload(agent, conversation.id, PNG, 'image/png')).json()) as MediaUpload;
      await changeWhatsAppSetup(server, admin.fetch, channel, { attachments: { customersCanSend: true, agentsCanSend: false } });
      try {
        const refused = await problemOf(await upload(agent, conversation.id, PNG, 'image/png'), 400);
        expect(refused.errors).toEqual([{ path: 'file', code: 'media.notAllowed', message: conversationValidationMessages['media.notAllowed'] }]);
        const sending = await problemOf(await send(agent, conversation.id, { kind: 'text', body: 'see this', mediaId: early.id }), 400);
        expect(sending.errors?.map((e) => e.code)).toEqual(['media.notAllowed']);
      } finally {
        await changeWhatsAppSetup(server, admin.fetch, channel, { attachments: { customersCanSend: true, agentsCanSend: true } });
      }
    });

    it('does not send an upload twice or one of another conversation', async () => {
      const first = await insertConversation(server, channel);
      const second = await insertConversation(server, channel);
      const media = (await (await upload(agent, first.id, PNG, 'image/png')).json()) as MediaUpload;
      const other = await problemOf(await send(agent, second.id, { kind: 'text', body: '', mediaId: media.id }), 400);
      expect(other.errors?.map((e) => e.code)).toEqual(['media.unknown']);
      expect((await send(agent, first.id, { kind: 'text', body: 'here', mediaId: media.id })).status).toBe(201);
      const again = await problemOf(await send(agent, first.id, { kind: 'text', body: 'again', mediaId: media.id }), 400);
      expect(again.errors?.map((e) => e.code)).toEqual(['media.unknown']);
    });

    it('fetches a customer’s attachment from Twilio with the account’s credentials for those who can see it', async () => {
      const conversation = await insertConversation(server, channel);
      const twilioUrl = `https://api.twilio.com/2010-04-01/Accounts/${channel.account.accountSid}/Messages/MM1/Media/ME1`;
      twilio.state.media.set(twilioUrl, { contentType: 'application/pdf', body: Buffer.from('%PDF-1.4 receipt') });
      const [message] = await server.context.db
        .insert(messages)
        .values({ conversationId: conversation.id, direction: 'inbound', author: 'customer', body: '', status: 'received', twilioSid: `MM${'1'.repeat(32)}` })
        .returning();
      const [media] = await server.context.db
        .insert(messageMedia)
        .values({ conversationId: conversation.id, messageId: message!.id, contentType: 'application/pdf', filename: 'receipt.pdf', twilioUrl })
        .returning();

      const response = await agent.fetch(url(`/api/media/${media!.id}`));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment;.*receipt\.pdf/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toBe('%PDF-1.4 receipt');
      expect(twilio.mediaFetches.at(-1)).toEqual({ credentials: { accountSid: channel.account.accountSid, authToken: channel.authToken }, url: twilioUrl });

      const fetches = twilio.mediaFetches.length;
      expect((await outsider.fetch(url(`/api/media/${media!.id}`))).status).toBe(404);
      expect(twilio.mediaFetches).toHaveLength(fetches);
      twilio.state.media.delete(twilioUrl);
      expect((await agent.fetch(url(`/api/media/${media!.id}`))).status).toBe(404);
    });
  });

  describe('accept and close', () => {
    it('lets an agent accept an unassigned conversation once; a second agent and a stale version get 409', async () => {
      const second = await signedInUser(server, 'agent', 'Bea Second');
      await addQueueMembers(server, channel.fallbackQueue.id, [second.id]);
      const conversation = await insertConversation(server, channel);

      const stale = await problemOf(await post(agent, `/api/conversations/${conversation.id}/accept`, { version: conversation.version + 5 }), 409);
      expect(stale.type).toBe(problemTypes.versionConflict);

      const accepted = await post(agent, `/api/conversations/${conversation.id}/accept`, { version: conversation.version });
      expect(accepted.status).toBe(200);
      const view = (await accepted.json()) as Conversation;
      expect(view).toMatchObject({ assigneeId: agent.id, assigneeName: 'Aino Agent', version: conversation.version + 1 });
      expect(events.at(-1)).toMatchObject({ event: { type: 'conversation', conversation: { id: conversation.id, assigneeId: agent.id } }, audience: { assigneeId: agent.id } });

      const taken = await problemOf(await post(second, `/api/conversations/${conversation.id}/accept`, { version: view.version }), 409);
      expect(taken).toMatchObject({ type: problemTypes.conflict, detail: conversationTakenDetail });
      expect((await rowOf(conversation.id)).assigneeId).toBe(agent.id);
    });

    it('closes with the version seen, sending the survey link while the window is open', async () => {
      await changeWhatsAppSetup(server, admin.fetch, channel, { survey: { mode: 'link', url: 'https://survey.example.com/wa' } });
      try {
        const conversation = await insertConversation(server, channel);
        const stale = await problemOf(await post(agent, `/api/conversations/${conversation.id}/close`, { version: conversation.version + 1 }), 409);
        expect(stale.type).toBe(problemTypes.versionConflict);

        const closed = await post(agent, `/api/conversations/${conversation.id}/close`, { version: conversation.version });
        expect(closed.status).toBe(200);
        const view = (await closed.json()) as Conversation;
        expect(view).toMatchObject({ status: 'closed', version: conversation.version + 1, waitingForReply: false });
        expect(view.closedAt).not.toBeNull();
        const [survey] = await messagesOf(conversation.id);
        expect(survey).toMatchObject({ author: 'automated', direction: 'outbound', status: 'pending', body: 'How did we do? Tell us in a short survey: https://survey.example.com/wa' });
        expect(events.map((e) => e.event.type)).toEqual(['message', 'conversation']);
        await server.outbox.runDue();
        expect(twilio.sends.map((s) => s.message.body)).toEqual([survey!.body]);

        const again = await problemOf(await post(agent, `/api/conversations/${conversation.id}/close`, { version: view.version }), 409);
        expect(again.type).toBe(problemTypes.conflict);
        const accept = await problemOf(await post(agent, `/api/conversations/${conversation.id}/accept`, { version: view.version }), 409);
        expect(accept.detail).toBe(conversationClosedDetail);
      } finally {
        await changeWhatsAppSetup(server, admin.fetch, channel, { survey: { mode: 'off' } });
      }
    });

    it('skips the survey when the window has closed, and sends a text survey as written', async () => {
      await changeWhatsAppSetup(server, admin.fetch, channel, { survey: { mode: 'text', text: 'How did we do? Answer 1–5.' } });
      try {
        const late = await insertConversation(server, channel, { lastInboundAt: new Date(Date.now() - 25 * HOUR).toISOString() });
        expect((await post(agent, `/api/conversations/${late.id}/close`, { version: late.version })).status).toBe(200);
        expect(await messagesOf(late.id)).toHaveLength(0);

        const recent = await insertConversation(server, channel);
        expect((await post(agent, `/api/conversations/${recent.id}/close`, { version: recent.version })).status).toBe(200);
        expect((await messagesOf(recent.id)).map((m) => m.body)).toEqual(['How did we do? Answer 1–5.']);
      } finally {
        await changeWhatsAppSetup(server, admin.fetch, channel, { survey: { mode: 'off' } });
      }
    });
  });
});
