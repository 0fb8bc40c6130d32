// @vitest-environment node
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation, ConversationPage, MessagePage } from '@/api/contract/conversation';
import { PROBLEM_CONTENT_TYPE, problemTypes } from '@/api/contract/problem';
import { TWILIO_SANDBOX_NUMBER } from '@/domain/e164';
import { conversations, messageMedia, messages, outbox, sessions, users, whatsappAccounts } from '../db/schema';
import { EMPTY_TWIML } from './webhooks';
import { createChannel, freshNumber, newAuthToken, type Channel } from '../../testing/server/channel-fixture';
import { openEventStream } from '../../testing/server/event-stream';
import { markActive } from '../../testing/server/routing-fixture';
import { describeEachDatabase, describeOnPostgres } from '../../testing/server/each-database';
import { signedInUser, startTestServer, type TestServer } from '../../testing/server/test-server';
import { inboundEntries, newMessageSid, postSignedWebhook, statusEntries, type FormEntries } from '../../testing/server/twilio-webhooks';

type Admin = Awaited<ReturnType<typeof signedInUser>>;

describeEachDatabase('Twilio webhooks on %s', (kind) => {
  let server: TestServer;
  let admin: Admin;

  beforeAll(async () => {
    server = await startTestServer(kind);
    admin = await signedInUser(server, 'admin');
  });
  afterAll(async () => {
    await server?.close();
  });

  const inboundPath = (accountId: string) => `/webhooks/twilio/whatsapp/${accountId}`;
  const statusPath = (accountId: string) => `/webhooks/twilio/status/${accountId}`;

  /** A customer's message to the channel, signed with the channel's token. */
  function sendInbound(channel: Channel, message: Partial<Parameters<typeof inboundEntries>[0]> & { from?: string } = {}) {
    const entries = inboundEntries({ from: message.from ?? freshNumber(), to: channel.number, body: 'Hello', ...message });
    return postSignedWebhook(server, inboundPath(channel.account.id), entries, { authToken: channel.authToken });
  }

  async function api<T>(path: string, fetchAs: typeof fetch = admin.fetch): Promise<T> {
    const response = await fetchAs(`${server.baseUrl}${path}`);
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  }

  const conversationsOf = async (channel: Channel) =>
    server.context.db.select().from(conversations).where(eq(conversations.accountId, channel.account.id));
  const messagesOf = async (conversationId: string) =>
    server.context.db.select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(messages.seq);
  const messageCountOf = async (channel: Channel) => {
    const [row] = await server.context.db
      .select({ n: count() })
      .from(messages)
      .innerJoin(conversations, eq(conversations.id, messages.conversationId))
      .where(eq(conversations.accountId, channel.account.id));
    return row!.n;
  };

  async function expectRefused(response: Response) {
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
    const problem = (await response.json()) as { type: string; status: number; detail: string };
    expect(problem).toMatchObject({ type: problemTypes.forbidden, status: 403, detail: 'This request was refused.' });
  }

  describe('inbound messages', () => {
    it('stores a signed message, answers empty TwiML, and shows the conversation', async () => {
      const channel = await createChannel(server, admin.fetch);
      const from = freshNumber();
      const response = await sendInbound(channel, { from, body: 'Hi there', profileName: 'Maija Meikäläinen' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
      expect(await response.text()).toBe(EMPTY_TWIML);

      const page = await api<ConversationPage>(`/api/conversations?queueId=${channel.fallbackQueue.id}`);
      expect(page.items).toHaveLength(1);
      const conversation = page.items[0]!;
      expect(conversation).toMatchObject({
        accountId: channel.account.id,
        businessNumber: channel.number,
        workstreamId: channel.workstream!.id,
        workstreamName: channel.workstream!.name,
        queueId: channel.fallbackQueue.id,
        queueName: channel.fallbackQueue.name,
        distributionMode: 'pick',
        customer: { waId: from.slice(1), phone: from, profileName: 'Maija Meikäläinen' },
        language: 'en',
        status: 'open',
        assigneeId: null,
        lastMessagePreview: 'Hi there',
        waitingForReply: true,
        attachments: { customersCanSend: true, agentsCanSend: true },
      });
      expect(conversation.lastInboundAt).not.toBeNull();

      const history = await api<MessagePage>(`/api/conversations/${conversation.id}/messages`);
      expect(history.items).toHaveLength(1);
      expect(history.items[0]).toMatchObject({ direction: 'inbound', author: 'customer', authorName: 'Maija Meikäläinen', body: 'Hi there', status: 'received', media: [] });
      expect(history.items[0]!.twilioSid).toMatch(/^SM/);

      const [account] = await server.context.db.select().from(whatsappAccounts).where(eq(whatsappAccounts.id, channel.account.id));
      expect(account!.firstInboundAt).not.toBeNull();
    });

    it('continues the open conversation of the same customer and keeps the newest profile name', async () => {
      const channel = await createChannel(server, admin.fetch);
      const from = freshNumber();
      expect((await sendInbound(channel, { from, body: 'first', profileName: 'Old name' })).status).toBe(200);
      expect((await sendInbound(channel, { from, body: 'second', profileName: 'New name' })).status).toBe(200);
      const rows = await conversationsOf(channel);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ profileName: 'New name', lastMessagePreview: 'second', version: 2 });
      expect((await messagesOf(rows[0]!.id)).map((m) => m.body)).toEqual(['first', 'second']);
    });

    it('opens a new conversation when the last one was closed', async () => {
      const channel = await createChannel(server, admin.fetch);
      const from = freshNumber();
      await sendInbound(channel, { from, body: 'before' });
      await server.context.db.update(conversations).set({ status: 'closed', closedAt: new Date().toISOString() }).where(eq(conversations.accountId, channel.account.id));
      expect((await sendInbound(channel, { from, body: 'after' })).status).toBe(200);
      const rows = await conversationsOf(channel);
      expect(rows.map((r) => r.status).sort()).toEqual(['closed', 'open']);
      const open = rows.find((r) => r.status === 'open')!;
      expect((await messagesOf(open.id)).map((m) => m.body)).toEqual(['after']);
    });

    it('opens a new conversation of the account a number moved to, leaving the old account’s open one alone', async () => {
      const moving = freshNumber();
      const before = await createChannel(server, admin.fetch, { numbers: [moving, freshNumber()], withoutWorkstream: true });
      const from = freshNumber();
      expect((await sendInbound(before, { from, body: 'to the old account' })).status).toBe(200);
      const [old] = await conversationsOf(before);
      expect(old).toMatchObject({ status: 'open', businessNumber: moving });

      const numberId = before.account.numbers.find((n) => n.number === moving)!.id;
      const removed = await admin.fetch(`${server.baseUrl}/api/whatsapp-accounts/${before.account.id}/numbers/${numberId}`, { method: 'DELETE' });
      expect(removed.status).toBe(204);
      const after = await createChannel(server, admin.fetch, { numbers: [moving] });
      expect((await sendInbound(after, { from, body: 'to the new account' })).status).toBe(200);

      const rows = await conversationsOf(after);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'open', businessNumber: moving, queueId: after.fallbackQueue.id });
      expect(rows[0]!.id).not.toBe(old!.id);
      expect((await messagesOf(rows[0]!.id)).map((m) => m.body)).toEqual(['to the new account']);
      expect((await messagesOf(old!.id)).map((m) => m.body)).toEqual(['to the old account']);
      expect((await conversationsOf(before)).map((r) => r.status)).toEqual(['open']);
    });

    it('verifies and stores Unicode, emoji, "+", "&", "=" and "%" exactly as sent', async () => {
      const channel = await createChannel(server, admin.fetch);
      const body = 'Hyvää päivää 👋🏽 — 1+1=2 & 50% off? a%20b +358 <b>"quoted"</b>\nnew line';
      const profileName = 'Åsa Öberg & 😀';
      const response = await sendInbound(channel, { body, profileName });
      expect(response.status).toBe(200);
      const [row] = await conversationsOf(channel);
      expect(row!.profileName).toBe(profileName);
      expect((await messagesOf(row!.id))[0]!.body).toBe(body);
    });

    it('accepts a message without a body when it carries media, and keeps the media at Twilio', async () => {
      const channel = await createChannel(server, admin.fetch);
      const url = `https://api.twilio.com/2010-04-01/Accounts/${channel.account.accountSid}/Messages/MM1/Media/ME1`;
      const response = await sendInbound(channel, { body: '', media: [{ url, contentType: 'image/jpeg' }] });
      expect(response.status).toBe(200);
      const [conversation] = await conversationsOf(channel);
      expect(conversation!.lastMessagePreview).toBe('📎');
      const media = await server.context.db.select().from(messageMedia).where(eq(messageMedia.conversationId, conversation!.id));
      expect(media).toHaveLength(1);
      expect(media[0]).toMatchObject({ twilioUrl: url, contentType: 'image/jpeg', data: null });
      const history = await api<MessagePage>(`/api/conversations/${conversation!.id}/messages`);
      expect(history.items[0]!.media).toEqual([{ id: media[0]!.id, contentType: 'image/jpeg', url: `/api/media/${media[0]!.id}`, filename: null, size: null }]);
    });

    it('refuses media politely when the workstream does not accept customers’ attachments', async () => {
      const channel = await createChannel(server, admin.fetch, { customersCanSend: false });
      const url = 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1';
      const response = await sendInbound(channel, { body: 'see the photo', media: [{ url, contentType: 'image/png' }] });
      expect(response.status).toBe(200);
      const [conversation] = await conversationsOf(channel);
      expect(await server.context.db.select().from(messageMedia).where(eq(messageMedia.conversationId, conversation!.id))).toEqual([]);
      const rows = await messagesOf(conversation!.id);
      expect(rows.map((m) => [m.author, m.body, m.status])).toEqual([
        ['customer', 'see the photo', 'received'],
        ['automated', 'Sorry, we can’t receive attachments here. Please describe it in a message instead.', 'pending'],
      ]);
      expect(await server.context.db.select().from(outbox).where(eq(outbox.messageId, rows[1]!.id))).toHaveLength(1);
    });

    it('refuses media in Finnish for a Finnish conversation', async () => {
      const channel = await createChannel(server, admin.fetch, { customersCanSend: false, language: 'fi' });
      await sendInbound(channel, { body: '', media: [{ url: 'https://api.twilio.com/m/ME1', contentType: 'image/png' }] });
      const [conversation] = await conversationsOf(channel);
      expect(conversation!.language).toBe('fi');
      const rows = await messagesOf(conversation!.id);
      expect(rows[1]).toMatchObject({ author: 'automated', body: 'Valitettavasti emme voi vastaanottaa liitteitä täällä. Kerro asiasta viestillä.' });
    });

    it('routes a new conversation by the workstream’s rules, else to its fallback queue', async () => {
      const channel = await createChannel(server, admin.fetch, {
        queues: { Sales: [], Finland: [] },
        rules: [
          { conditions: [{ field: 'firstMessage', operator: 'contains', value: 'PRICE' }], queue: 'Sales' },
          { conditions: [{ field: 'customerPhone', operator: 'startsWith', value: '+358 50' }], queue: 'Finland' },
        ],
      });
      await sendInbound(channel, { from: '+358401110001', body: 'What is the price of this?' });
      await sendInbound(channel, { from: '+358501110002', body: 'Hello' });
      await sendInbound(channel, { from: '+46701110003', body: 'Hello' });
      const rows = await conversationsOf(channel);
      const queueOf = (phone: string) => rows.find((r) => r.customerPhone === phone)!.queueId;
      expect(queueOf('+358401110001')).toBe(channel.queues.Sales!.id);
      expect(queueOf('+358501110002')).toBe(channel.queues.Finland!.id);
      expect(queueOf('+46701110003')).toBe(channel.fallbackQueue.id);
      // Only the first message routes: a later "price" does not move the conversation.
      await sendInbound(channel, { from: '+46701110003', body: 'price?' });
      expect((await conversationsOf(channel)).find((r) => r.customerPhone === '+46701110003')!.queueId).toBe(channel.fallbackQueue.id);
    });

    it('assigns in push mode to the least loaded member, on a tie whoever waited longest since their last one', async () => {
      const first = await signedInUser(server, 'agent', 'Push One');
      const second = await signedInUser(server, 'agent', 'Push Two');
      const channel = await createChannel(server, admin.fetch, { distributionMode: 'push', members: [second.id, first.id] });
      // Room for three of the fixture's two-unit conversations each; Push Two had one a minute ago, Push One never did.
      await markActive(server, [first.id, second.id], { capacity: 6 });
      await server.context.db.update(users).set({ lastAssignedAt: new Date(Date.now() - 60_000).toISOString() }).where(eq(users.id, second.id));
      const assignees: (string | null)[] = [];
      for (let i = 0; i < 3; i++) {
        await sendInbound(channel);
        const rows = await server.context.db.select().from(conversations).where(eq(conversations.accountId, channel.account.id)).orderBy(conversations.seq);
        assignees.push(rows.at(-1)!.assigneeId);
      }
      expect(assignees).toEqual([first.id, second.id, first.id]);
      const view = await api<Conversation>(`/api/conversations/${(await conversationsOf(channel))[0]!.id}`);
      expect(view.distributionMode).toBe('push');
      expect(view.assigneeName).toBe('Push One');
    });

    it('leaves the conversation unassigned in pick mode', async () => {
      const agent = await signedInUser(server, 'agent', 'Picker');
      const channel = await createChannel(server, admin.fetch, { distributionMode: 'pick', members: [agent.id] });
      await sendInbound(channel);
      expect((await conversationsOf(channel))[0]!.assigneeId).toBeNull();
    });

    it('queues the greeting in the conversation’s language through the outbox, else the first greeting', async () => {
      const wakes: number[] = [];
      const originalWake = server.context.wakeOutbox;
      server.context.wakeOutbox = () => void wakes.push(1);
      try {
        const automatedMessages = [
          { trigger: 'greeting' as const, language: 'sv' as const, text: 'Hej!' },
          { trigger: 'greeting' as const, language: 'fi' as const, text: 'Hei, palvelemme pian!' },
          { trigger: 'outOfHours' as const, language: 'fi' as const, text: 'Suljettu' },
        ];
        const finnish = await createChannel(server, admin.fetch, { language: 'fi', automatedMessages });
        await sendInbound(finnish, { body: 'Moi' });
        const [conversation] = await conversationsOf(finnish);
        const rows = await messagesOf(conversation!.id);
        expect(rows.map((m) => [m.direction, m.author, m.body, m.status])).toEqual([
          ['inbound', 'customer', 'Moi', 'received'],
          ['outbound', 'automated', 'Hei, palvelemme pian!', 'pending'],
        ]);
        expect(await server.context.db.select().from(outbox).where(eq(outbox.messageId, rows[1]!.id))).toHaveLength(1);
        expect(wakes.length).toBe(1);
        // The customer still waits for a person.
        expect(conversation!.waitingForReply).toBe(true);

        // The second message of the conversation gets no greeting.
        await sendInbound(finnish, { from: conversation!.customerPhone, body: 'Oletko siellä?' });
        expect((await messagesOf(conversation!.id)).filter((m) => m.author === 'automated')).toHaveLength(1);

        const english = await createChannel(server, admin.fetch, { language: 'en', automatedMessages });
        await sendInbound(english);
        const [other] = await conversationsOf(english);
        expect((await messagesOf(other!.id)).map((m) => m.body)).toEqual(['Hello', 'Hej!']);
      } finally {
        server.context.wakeOutbox = originalWake;
      }
    });

    it('stores a message to a number without a workstream, unrouted, in English, without a greeting', async () => {
      const channel = await createChannel(server, admin.fetch, { withoutWorkstream: true });
      expect((await sendInbound(channel)).status).toBe(200);
      const [row] = await conversationsOf(channel);
      expect(row).toMatchObject({ workstreamId: null, queueId: null, assigneeId: null, language: 'en' });
      expect(await messagesOf(row!.id)).toHaveLength(1);
      const view = await api<Conversation>(`/api/conversations/${row!.id}`);
      expect(view).toMatchObject({ distributionMode: 'pick', attachments: { customersCanSend: true, agentsCanSend: false } });
    });

    it('accepts the sandbox number when the account has it', async () => {
      const channel = await createChannel(server, admin.fetch, { numbers: [TWILIO_SANDBOX_NUMBER] });
      const from = freshNumber();
      expect((await sendInbound(channel, { from, body: 'join silver-tiger' })).status).toBe(200);
      // The join opens nothing (routing waits for a real message), and it still counts as the webhook working.
      expect(await conversationsOf(channel)).toHaveLength(0);
      expect((await sendInbound(channel, { from, body: 'Hello' })).status).toBe(200);
      expect(await conversationsOf(channel)).toHaveLength(1);
    });
  });

  describe('the sandbox number shared by two Twilio accounts', () => {
    it('lands in the conversation and workstream of the account whose URL Twilio called', async () => {
      const first = await createChannel(server, admin.fetch, { numbers: [TWILIO_SANDBOX_NUMBER] });
      const second = await createChannel(server, admin.fetch, { numbers: [TWILIO_SANDBOX_NUMBER] });
      const entries = inboundEntries({ from: freshNumber(), to: TWILIO_SANDBOX_NUMBER, body: 'Hello B', accountSid: second.account.accountSid });

      expect((await postSignedWebhook(server, inboundPath(second.account.id), entries, { authToken: second.authToken })).status).toBe(200);

      const landed = await conversationsOf(second);
      expect(landed).toHaveLength(1);
      expect(landed[0]).toMatchObject({ accountId: second.account.id, businessNumber: TWILIO_SANDBOX_NUMBER, workstreamId: second.workstream!.id });
      expect(await conversationsOf(first)).toEqual([]);
    });

    it('still checks the signature with the token of the account the URL names', async () => {
      const first = await createChannel(server, admin.fetch, { numbers: [TWILIO_SANDBOX_NUMBER] });
      const second = await createChannel(server, admin.fetch, { numbers: [TWILIO_SANDBOX_NUMBER] });
      const entries = inboundEntries({ from: freshNumber(), to: TWILIO_SANDBOX_NUMBER, body: 'Hello', accountSid: first.account.accountSid });
      await expectRefused(await postSignedWebhook(server, inboundPath(second.account.id), entries, { authToken: first.authToken }));
      expect(await conversationsOf(second)).toEqual([]);
    });
  });

  describe('refusals', () => {
    let channel: Channel;
    let other: Channel;
    beforeAll(async () => {
      channel = await createChannel(server, admin.fetch);
      other = await createChannel(server, admin.fetch);
    });

    const entries = () => inboundEntries({ from: freshNumber(), to: channel.number, body: 'Hello' });

    it('refuses a forged signature (another token)', async () => {
      await expectRefused(await postSignedWebhook(server, inboundPath(channel.account.id), entries(), { authToken: newAuthToken() }));
      expect(await messageCountOf(channel)).toBe(0);
    });

    it('refuses a request without a signature, or with an empty one', async () => {
      await expectRefused(await postSignedWebhook(server, inboundPath(channel.account.id), entries(), { authToken: channel.authToken, signature: null }));
      await expectRefused(await postSignedWebhook(server, inboundPath(channel.account.id), entries(), { authToken: channel.authToken, signature: '' }));
      expect(await messageCountOf(channel)).toBe(0);
    });

    it('refuses a body changed after signing', async () => {
      const signed = entries();
      const { getExpectedTwilioSignature } = await import('twilio/lib/webhooks/webhooks.js');
      const { signedParams } = await import('../../testing/server/twilio-webhooks');
      const signature = getExpectedTwilioSignature(channel.authToken, `${server.context.config.publicUrl}${inboundPath(channel.account.id)}`, signedParams(signed));
      const tampered = signed.map(([name, value]): [string, string] => [name, name === 'Body' ? 'Hello!' : value]);
      await expectRefused(await postSignedWebhook(server, inboundPath(channel.account.id), tampered, { authToken: channel.authToken, signature }));
      expect(await messageCountOf(channel)).toBe(0);
    });

    it('refuses a signature made with another account’s token, or sent to another account’s address', async () => {
      await expectRefused(await postSignedWebhook(server, inboundPath(channel.account.id), entries(), { authToken: other.authToken }));
      // Signed correctly for the other account's address, then sent to this one.
      const otherUrl = `${server.context.config.publicUrl}${inboundPath(other.account.id)}`;
      await expectRefused(await postSignedWebhook(server, inboundPath(channel.account.id), entries(), { authToken: channel.authToken, signedUrl: otherUrl }));
      expect(await messageCountOf(channel)).toBe(0);
      expect(await messageCountOf(other)).toBe(0);
    });

    it('refuses a signature over another URL: the status address, the local address, a query string', async () => {
      const base = server.context.config.publicUrl;
      for (const signedUrl of [`${base}${statusPath(channel.account.id)}`, `http://localhost:9${inboundPath(channel.account.id)}`, `${base}${inboundPath(channel.account.id)}?x=1`]) {
        await expectRefused(await postSignedWebhook(server, inboundPath(channel.account.id), entries(), { authToken: channel.authToken, signedUrl }));
      }
      expect(await messageCountOf(channel)).toBe(0);
    });

    it('refuses an unknown account and an id that is not one', async () => {
      await expectRefused(await postSignedWebhook(server, inboundPath('00000000-0000-4000-8000-000000000000'), entries(), { authToken: channel.authToken }));
      await expectRefused(await postSignedWebhook(server, inboundPath('not-an-id'), entries(), { authToken: channel.authToken }));
      await expectRefused(await postSignedWebhook(server, statusPath('00000000-0000-4000-8000-000000000000'), [['MessageSid', newMessageSid()], ['MessageStatus', 'sent']], { authToken: channel.authToken }));
    });

    it('refuses a To number that is not the account’s, even when correctly signed', async () => {
      const toOthers = inboundEntries({ from: freshNumber(), to: other.number, body: 'Hello' });
      await expectRefused(await postSignedWebhook(server, inboundPath(channel.account.id), toOthers, { authToken: channel.authToken }));
      const sms = entries().map(([name, value]): [string, string] => [name, name === 'To' ? value.replace('whatsapp:', '') : value]);
      expect((await postSignedWebhook(server, inboundPath(channel.account.id), sms, { authToken: channel.authToken })).status).toBe(400);
      const sandbox = inboundEntries({ from: freshNumber(), to: TWILIO_SANDBOX_NUMBER, body: 'join code' });
      await expectRefused(await postSignedWebhook(server, inboundPath(channel.account.id), sandbox, { authToken: channel.authToken }));
      expect(await messageCountOf(channel)).toBe(0);
      expect(await messageCountOf(other)).toBe(0);
    });

    it('answers 400 to signed bodies that are not a Twilio message', async () => {
      const good = entries();
      const without = (name: string) => good.filter(([n]) => n !== name);
      const replace = (name: string, value: string) => good.map(([n, v]): [string, string] => [n, n === name ? value : v]);
      const malformed: FormEntries[] = [
        [],
        without('MessageSid'),
        without('From'),
        without('To'),
        replace('MessageSid', 'not-a-sid'),
        replace('From', 'whatsapp:0401234567'),
        replace('NumMedia', 'two'),
        replace('NumMedia', '1'),
        [...good, ['MessageSid', newMessageSid()]],
        [...good, ['Body', 'a second body']],
        replace('NumMedia', '1').concat([['MediaUrl0', 'javascript:alert(1)'], ['MediaContentType0', 'image/png']]),
      ];
      for (const body of malformed) {
        const response = await postSignedWebhook(server, inboundPath(channel.account.id), body, { authToken: channel.authToken });
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect(response.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
      }
      expect(await messageCountOf(channel)).toBe(0);
    });

    it('refuses other content types at the signature check, not with a server error', async () => {
      for (const [contentType, body] of [
        ['application/json', JSON.stringify({ MessageSid: newMessageSid() })],
        ['application/json', '{not json'],
        ['text/plain', 'MessageSid=SM1'],
        ['multipart/form-data; boundary=x', '--x--'],
      ]) {
        const response = await fetch(`${server.baseUrl}${inboundPath(channel.account.id)}`, {
          method: 'POST',
          headers: { 'content-type': contentType!, 'x-twilio-signature': 'c2lnbmF0dXJl' },
          body,
        });
        await expectRefused(response);
      }
    });

    it('answers 413 to a body over 64 KiB, and stores nothing', async () => {
      const big = inboundEntries({ from: freshNumber(), to: channel.number, body: 'x'.repeat(70 * 1024) });
      const response = await postSignedWebhook(server, inboundPath(channel.account.id), big, { authToken: channel.authToken });
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toContain(PROBLEM_CONTENT_TYPE);
      expect(((await response.json()) as { status: number }).status).toBe(413);
      expect(await messageCountOf(channel)).toBe(0);
    });
  });

  describe('replays', () => {
    it('acknowledges a repeated MessageSid and drops it', async () => {
      const channel = await createChannel(server, admin.fetch, { automatedMessages: [{ trigger: 'greeting', language: 'en', text: 'Welcome' }] });
      const entries = inboundEntries({ from: freshNumber(), to: channel.number, body: 'once' });
      for (let i = 0; i < 3; i++) {
        const response = await postSignedWebhook(server, inboundPath(channel.account.id), entries, { authToken: channel.authToken });
        expect(response.status).toBe(200);
        expect(await response.text()).toBe(EMPTY_TWIML);
      }
      const rows = await conversationsOf(channel);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.version).toBe(1);
      expect((await messagesOf(rows[0]!.id)).map((m) => m.body)).toEqual(['once', 'Welcome']);
    });

    it('stores a message once when its deliveries arrive at the same time', async () => {
      const channel = await createChannel(server, admin.fetch, { automatedMessages: [{ trigger: 'greeting', language: 'en', text: 'Welcome' }] });
      const entries = inboundEntries({ from: freshNumber(), to: channel.number, body: 'raced' });
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => postSignedWebhook(server, inboundPath(channel.account.id), entries, { authToken: channel.authToken })),
      );
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const rows = await conversationsOf(channel);
      expect(rows).toHaveLength(1);
      expect((await messagesOf(rows[0]!.id)).map((m) => m.body)).toEqual(['raced', 'Welcome']);
      const queued = await server.context.db.select({ id: outbox.id }).from(outbox).innerJoin(messages, eq(messages.id, outbox.messageId)).where(eq(messages.conversationId, rows[0]!.id));
      expect(queued).toHaveLength(1);
    });

    it('opens one conversation when a customer’s first messages arrive at the same time', async () => {
      const channel = await createChannel(server, admin.fetch, { automatedMessages: [{ trigger: 'greeting', language: 'en', text: 'Welcome' }] });
      const from = freshNumber();
      const responses = await Promise.all(
        ['one', 'two', 'three', 'four'].map((body) =>
          postSignedWebhook(server, inboundPath(channel.account.id), inboundEntries({ from, to: channel.number, body }), { authToken: channel.authToken }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      const rows = await conversationsOf(channel);
      expect(rows).toHaveLength(1);
      const bodies = (await messagesOf(rows[0]!.id)).map((m) => m.body);
      expect(bodies.filter((b) => b === 'Welcome')).toHaveLength(1);
      expect(bodies.filter((b) => b !== 'Welcome').sort()).toEqual(['four', 'one', 'three', 'two']);
      expect(rows[0]!.version).toBe(4);
    });
  });

  describe('status callbacks', () => {
    /** An outbound message with a MessageSid, as the outbox leaves it once Twilio has accepted it. */
    async function sentMessage(channel: Channel) {
      await sendInbound(channel);
      const [conversation] = await conversationsOf(channel);
      const sid = newMessageSid();
      const [row] = await server.context.db
        .insert(messages)
        .values({ conversationId: conversation!.id, direction: 'outbound', author: 'agent', body: 'Answer', status: 'queued', twilioSid: sid })
        .returning();
      return { sid, id: row!.id, conversationId: conversation!.id };
    }
    const statusOf = async (id: string) => (await server.context.db.select().from(messages).where(eq(messages.id, id)))[0]!;
    const callback = (channel: Channel, sid: string, status: string, errorCode?: string) =>
      postSignedWebhook(
        server,
        statusPath(channel.account.id),
        statusEntries({ sid, status, errorCode, accountSid: channel.account.accountSid, from: channel.number, to: freshNumber() }),
        { authToken: channel.authToken },
      );

    it('moves a message forward through sent, delivered and read', async () => {
      const channel = await createChannel(server, admin.fetch);
      const message = await sentMessage(channel);
      for (const status of ['sending', 'sent', 'delivered', 'read']) {
        const response = await callback(channel, message.sid, status);
        expect(response.status).toBe(200);
        expect(await response.text()).toBe(EMPTY_TWIML);
        expect((await statusOf(message.id)).status).toBe(status);
      }
    });

    it('never moves backwards when callbacks arrive out of order', async () => {
      const channel = await createChannel(server, admin.fetch);
      const message = await sentMessage(channel);
      for (const status of ['read', 'delivered', 'sent', 'failed', 'queued']) {
        expect((await callback(channel, message.sid, status, status === 'failed' ? '30008' : undefined)).status).toBe(200);
      }
      expect(await statusOf(message.id)).toMatchObject({ status: 'read', errorCode: null });
    });

    it('keeps the furthest status when callbacks race', async () => {
      const channel = await createChannel(server, admin.fetch);
      const raced = [];
      for (let round = 0; round < 5; round++) raced.push(await sentMessage(channel));
      const responses = await Promise.all(
        raced.flatMap((message) => ['sent', 'read', 'delivered', 'sending', 'sent', 'delivered'].map((status) => callback(channel, message.sid, status))),
      );
      expect(responses.every((r) => r.status === 200)).toBe(true);
      for (const message of raced) expect((await statusOf(message.id)).status).toBe('read');
    });

    it('records a failure with its error code, and keeps it final', async () => {
      const channel = await createChannel(server, admin.fetch);
      const message = await sentMessage(channel);
      await callback(channel, message.sid, 'sent');
      await callback(channel, message.sid, 'failed', '63016');
      expect(await statusOf(message.id)).toMatchObject({ status: 'failed', errorCode: '63016' });
      await callback(channel, message.sid, 'delivered');
      expect(await statusOf(message.id)).toMatchObject({ status: 'failed', errorCode: '63016' });
      const history = await api<MessagePage>(`/api/conversations/${message.conversationId}/messages`);
      expect(history.items.find((m) => m.id === message.id)).toMatchObject({ status: 'failed', errorCode: '63016' });

      const undelivered = await sentMessage(channel);
      await callback(channel, undelivered.sid, 'undelivered', '63015');
      expect(await statusOf(undelivered.id)).toMatchObject({ status: 'undelivered', errorCode: '63015' });
    });

    it('acknowledges an unknown MessageSid, a status it does not track, and another account’s message, changing nothing', async () => {
      const channel = await createChannel(server, admin.fetch);
      const other = await createChannel(server, admin.fetch);
      const message = await sentMessage(channel);
      expect((await callback(channel, newMessageSid(), 'delivered')).status).toBe(200);
      expect((await callback(channel, message.sid, 'accepted')).status).toBe(200);
      // Signed correctly by the other account, for a message of this one.
      expect((await callback(other, message.sid, 'read')).status).toBe(200);
      expect((await statusOf(message.id)).status).toBe('queued');
    });

    it('refuses unsigned callbacks and answers 400 to malformed ones', async () => {
      const channel = await createChannel(server, admin.fetch);
      const message = await sentMessage(channel);
      await expectRefused(await postSignedWebhook(server, statusPath(channel.account.id), [['MessageSid', message.sid], ['MessageStatus', 'read']], { authToken: newAuthToken() }));
      // Signed for the inbound address, sent to the status address.
      const inboundUrl = `${server.context.config.publicUrl}${inboundPath(channel.account.id)}`;
      await expectRefused(
        await postSignedWebhook(server, statusPath(channel.account.id), [['MessageSid', message.sid], ['MessageStatus', 'read']], { authToken: channel.authToken, signedUrl: inboundUrl }),
      );
      for (const body of [[['MessageStatus', 'read']], [['MessageSid', message.sid]], [['MessageSid', message.sid], ['MessageStatus', 'read'], ['MessageStatus', 'sent']]] as FormEntries[]) {
        expect((await postSignedWebhook(server, statusPath(channel.account.id), body, { authToken: channel.authToken })).status).toBe(400);
      }
      expect((await statusOf(message.id)).status).toBe('queued');
    });
  });

  describe('live events', () => {
    it('sends the new conversation and message to members of its queue, and not to other agents', async () => {
      const member = await signedInUser(server, 'agent', 'Queue Member');
      const outsider = await signedInUser(server, 'agent', 'Outsider');
      const channel = await createChannel(server, admin.fetch, {
        members: [member.id],
        queues: { Outsiders: [outsider.id] },
        rules: [{ conditions: [{ field: 'firstMessage', operator: 'contains', value: 'outsiders' }], queue: 'Outsiders' }],
      });
      const memberStream = await openEventStream(server.baseUrl, member.cookie);
      const outsiderStream = await openEventStream(server.baseUrl, outsider.cookie);
      const adminStream = await openEventStream(server.baseUrl, admin.cookie);
      try {
        expect(memberStream.status).toBe(200);
        expect(memberStream.contentType).toMatch(/^text\/event-stream/);
        await sendInbound(channel, { body: 'for the members' });
        const message = await memberStream.next((e) => e.type === 'message' && e.message.body === 'for the members');
        const conversation = await memberStream.next((e) => e.type === 'conversation');
        expect(conversation.type === 'conversation' && conversation.conversation.queueId).toBe(channel.fallbackQueue.id);
        expect(message.type === 'message' && message.message.conversationId).toBe(conversation.type === 'conversation' ? conversation.conversation.id : null);
        await adminStream.next((e) => e.type === 'message' && e.message.body === 'for the members');
        await adminStream.next((e) => e.type === 'sandbox' && e.accountId === channel.account.id);

        // Events keep their order per stream: the outsider's first event is about the second conversation.
        await sendInbound(channel, { body: 'for the outsiders' });
        await outsiderStream.next((e) => e.type === 'message' && e.message.body === 'for the outsiders');
        expect(outsiderStream.events.some((e) => e.type === 'message' && e.message.body === 'for the members')).toBe(false);
        expect(outsiderStream.events.some((e) => e.type === 'sandbox')).toBe(false);
        await adminStream.next((e) => e.type === 'message' && e.message.body === 'for the outsiders');
        expect(memberStream.events.some((e) => e.type === 'message' && e.message.body === 'for the outsiders')).toBe(false);
      } finally {
        memberStream.close();
        outsiderStream.close();
        adminStream.close();
      }
    });

    it('sends status changes live', async () => {
      const channel = await createChannel(server, admin.fetch);
      const stream = await openEventStream(server.baseUrl, admin.cookie);
      try {
        await sendInbound(channel);
        const [conversation] = await conversationsOf(channel);
        const sid = newMessageSid();
        const [row] = await server.context.db.insert(messages).values({ conversationId: conversation!.id, direction: 'outbound', author: 'agent', body: 'Hi', status: 'queued', twilioSid: sid }).returning();
        await postSignedWebhook(server, statusPath(channel.account.id), [['MessageSid', sid], ['MessageStatus', 'delivered']], { authToken: channel.authToken });
        const event = await stream.next((e) => e.type === 'message' && e.message.id === row!.id);
        expect(event.type === 'message' && event.message.status).toBe('delivered');
      } finally {
        stream.close();
      }
    });

    it('ends the stream of someone whose session ended, at the next event rather than the next heartbeat', async () => {
      const member = await signedInUser(server, 'agent', 'Leaving Member');
      const channel = await createChannel(server, admin.fetch, { members: [member.id] });
      const stream = await openEventStream(server.baseUrl, member.cookie);
      try {
        await sendInbound(channel, { body: 'before sign-out' });
        await stream.next((e) => e.type === 'message' && e.message.body === 'before sign-out');
        await server.context.db.delete(sessions).where(eq(sessions.userId, member.id));
        // The rights are re-read a few seconds after the last check.
        await new Promise((resolve) => setTimeout(resolve, 5_500));
        await sendInbound(channel, { body: 'after sign-out' });
        await stream.ended;
        expect(stream.events.some((e) => e.type === 'message' && e.message.body === 'after sign-out')).toBe(false);
      } finally {
        stream.close();
      }
    });

    it('answers 401 to a request without a session', async () => {
      const response = await fetch(`${server.baseUrl}/api/events`);
      expect(response.status).toBe(401);
    });
  });

  it('keeps the account’s first inbound time once set', async () => {
    const channel = await createChannel(server, admin.fetch);
    await sendInbound(channel);
    const [before] = await server.context.db.select().from(whatsappAccounts).where(eq(whatsappAccounts.id, channel.account.id));
    await sendInbound(channel);
    const [after] = await server.context.db.select().from(whatsappAccounts).where(and(eq(whatsappAccounts.id, channel.account.id)));
    expect(after!.firstInboundAt).toBe(before!.firstInboundAt);
  });
});

describe('the public address Twilio signs', () => {
  it('checks the signature against PUBLIC_URL, not the address the server listens on', async () => {
    const server = await startTestServer('pglite', { publicUrl: 'http://chat.example.com/support' });
    try {
      const admin = await signedInUser(server, 'admin');
      const channel = await createChannel(server, admin.fetch);
      expect(channel.account.inboundUrl).toBe(`http://chat.example.com/support/webhooks/twilio/whatsapp/${channel.account.id}`);
      const path = `/webhooks/twilio/whatsapp/${channel.account.id}`;
      const entries = () => inboundEntries({ from: freshNumber(), to: channel.number, body: 'Hello' });
      expect((await postSignedWebhook(server, path, entries(), { authToken: channel.authToken, signedUrl: `${server.baseUrl}${path}` })).status).toBe(403);
      expect((await postSignedWebhook(server, path, entries(), { authToken: channel.authToken, signedUrl: channel.account.inboundUrl })).status).toBe(200);
      // Without a trusted proxy, forwarded headers are not believed.
      const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'other.example.com' };
      const signedForForwarded = `https://other.example.com${path}`;
      expect((await postSignedWebhook(server, path, entries(), { authToken: channel.authToken, signedUrl: signedForForwarded, headers: forwarded })).status).toBe(403);
    } finally {
      await server.close();
    }
  });

  it('also accepts the address a trusted proxy forwards', async () => {
    const server = await startTestServer('pglite', { publicUrl: 'http://chat.example.com', trustProxy: true });
    try {
      const admin = await signedInUser(server, 'admin');
      const channel = await createChannel(server, admin.fetch);
      const path = `/webhooks/twilio/whatsapp/${channel.account.id}`;
      const entries = () => inboundEntries({ from: freshNumber(), to: channel.number, body: 'Hello' });
      const headers = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'proxy.example.net' };
      expect((await postSignedWebhook(server, path, entries(), { authToken: channel.authToken, signedUrl: `https://proxy.example.net${path}`, headers })).status).toBe(200);
      expect((await postSignedWebhook(server, path, entries(), { authToken: channel.authToken, signedUrl: `http://chat.example.com${path}`, headers })).status).toBe(200);
      expect((await postSignedWebhook(server, path, entries(), { authToken: channel.authToken, signedUrl: `http://proxy.example.net${path}`, headers })).status).toBe(403);
    } finally {
      await server.close();
    }
  });
});

describe('server shutdown with open event streams', () => {
  it('closes the streams and finishes closing', async () => {
    const server = await startTestServer('pglite');
    const admin = await signedInUser(server, 'admin');
    const stream = await openEventStream(server.baseUrl, admin.cookie);
    expect(stream.status).toBe(200);
    const started = Date.now();
    await server.close();
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describeOnPostgres('live events between two instances on one PostgreSQL database', () => {
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    first = await startTestServer('postgres');
    second = await startTestServer('postgres', { databaseUrl: first.databaseUrl });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('carries an inbound message received by one instance to a stream on the other', async () => {
    const admin = await signedInUser(first, 'admin');
    const member = await signedInUser(first, 'agent', 'Member Elsewhere');
    const outsider = await signedInUser(first, 'agent', 'Outsider Elsewhere');
    const channel = await createChannel(first, admin.fetch, { members: [member.id] });
    const memberStream = await openEventStream(second.baseUrl, member.cookie);
    const outsiderStream = await openEventStream(second.baseUrl, outsider.cookie);
    try {
      const path = `/webhooks/twilio/whatsapp/${channel.account.id}`;
      const sent = await postSignedWebhook(first, path, inboundEntries({ from: freshNumber(), to: channel.number, body: 'across instances' }), { authToken: channel.authToken });
      expect(sent.status).toBe(200);
      await memberStream.next((e) => e.type === 'message' && e.message.body === 'across instances');
      await memberStream.next((e) => e.type === 'conversation' && e.conversation.queueId === channel.fallbackQueue.id);

      // Larger than a NOTIFY payload may be: it travels as an id and the other instance loads it.
      const long = `${'Pitkä viesti 👋 '.repeat(700)}end`;
      const big = await postSignedWebhook(first, path, inboundEntries({ from: freshNumber(), to: channel.number, body: long }), { authToken: channel.authToken });
      expect(big.status).toBe(200);
      const received = await memberStream.next((e) => e.type === 'message' && e.message.body === long);
      expect(received.type === 'message' && received.message.direction).toBe('inbound');
      expect(outsiderStream.events).toEqual([]);
    } finally {
      memberStream.close();
      outsiderStream.close();
    }
  });
});

