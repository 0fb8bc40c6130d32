// @vitest-environment node
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxStatus, TemplateSyncResult, VerifyResult } from '@/api/contract/account-tools';
import type { AuditEventPage } from '@/api/contract/audit-event';
import type { Conversation, ConversationPage, MediaUpload, Message, MessagePage } from '@/api/contract/conversation';
import { problemTypes } from '@/api/contract/problem';
import type { MessageTemplate } from '@/api/contract/message-template';
import { samplePng, startTwilioSimulator, type TwilioSimulator } from '@/twilio-sim';
import { messages } from '../db/schema';
import { createChannel, freshNumber, newAuthToken, type Channel } from '../../testing/server/channel-fixture';
import { signedInUser, startTestServer, type TestServer } from '../../testing/server/test-server';
import { createTwilioGateway } from '../twilio/rest-gateway';

type User = Awaited<ReturnType<typeof signedInUser>>;

async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('outbound messages and account tools through the real Twilio client and the simulator', () => {
  let simulator: TwilioSimulator;
  let server: TestServer;
  let admin: User;
  let channel: Channel;

  beforeAll(async () => {
    simulator = await startTwilioSimulator({ delaysMs: { sent: 5, delivered: 5, read: 5 } });
    server = await startTestServer('pglite', { twilioApiBaseUrl: simulator.url }, undefined, { outbox: 'auto', outboxOptions: { pollMs: 200 } });
    admin = await signedInUser(server, 'admin');
    channel = await createChannel(server, admin.fetch);
    simulator.addAccount({
      accountSid: channel.account.accountSid,
      authToken: channel.authToken,
      friendlyName: 'Contoso on the simulator',
      inboundUrl: channel.account.inboundUrl,
      templates: [
        { friendlyName: 'order_update', language: 'en', body: 'Hi {{1}}, your order {{2}} has shipped.', variables: { 1: 'Maija', 2: 'A-1' }, approval: 'approved', category: 'UTILITY' },
        { friendlyName: 'Odotus', language: 'fi', body: 'Hei {{1}}, palaamme asiaan pian.', variables: { 1: 'Maija' }, approval: 'pending', category: 'UTILITY' },
        { friendlyName: 'klingon_hello', language: 'tlh', body: 'nuqneH {{1}}', variables: { 1: 'Worf' }, approval: 'approved' },
      ],
    });
  });
  afterAll(async () => {
    await server?.close();
    await simulator?.close();
  });

  const url = (path: string) => `${server.baseUrl}${path}`;
  const json = async <T>(response: Response, status = 200): Promise<T> => {
    expect(response.status, await response.clone().text()).toBe(status);
    return (await response.json()) as T;
  };
  const post = (path: string, body?: unknown) =>
    admin.fetch(url(path), { method: 'POST', headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

  it('answers a customer, and the reply reaches “read” through signed status callbacks', async () => {
    const customer = freshNumber();
    const inbound = await simulator.sendInbound({ accountSid: channel.account.accountSid, from: customer, to: channel.number, body: 'Moi! Missä tilaukseni on?' });
    expect(inbound.status).toBe(200);
    const page = await json<ConversationPage>(await admin.fetch(url(`/api/conversations?queueId=${channel.fallbackQueue.id}`)));
    const conversation = page.items.find((c) => c.customer.phone === customer)!;

    const sent = await json<Message>(await post(`/api/conversations/${conversation.id}/messages`, { kind: 'text', body: 'Hei! Katson heti 👀' }), 201);
    const atTwilio = await simulator.waitForSent((m) => m.body === 'Hei! Katson heti 👀');
    expect(atTwilio).toMatchObject({ from: `whatsapp:${channel.number}`, to: `whatsapp:${customer}`, statusCallback: `${server.baseUrl}/webhooks/twilio/status/${channel.account.id}` });
    const read = await eventually(async () => {
      const [row] = await server.context.db.select().from(messages).where(eq(messages.id, sent.id));
      return row?.status === 'read' ? row : null;
    });
    expect(read.twilioSid).toBe(atTwilio.sid);
    expect(simulator.sentMessages().filter((m) => m.body === 'Hei! Katson heti 👀')).toHaveLength(1);
  });

  it('sends an agent’s attachment, which the simulator downloads from the public media URL', async () => {
    const customer = freshNumber();
    await simulator.sendInbound({ accountSid: channel.account.accountSid, from: customer, to: channel.number, body: 'Kuva?' });
    const page = await json<ConversationPage>(await admin.fetch(url(`/api/conversations?queueId=${channel.fallbackQueue.id}`)));
    const conversation = page.items.find((c) => c.customer.phone === customer)!;
    const png = samplePng();
    const upload = await json<MediaUpload>(
      await admin.fetch(url(`/api/conversations/${conversation.id}/media`), { method: 'POST', headers: { 'content-type': 'image/png', 'x-filename': 'kuva.png' }, body: new Uint8Array(png) }),
      201,
    );
    await json<Message>(await post(`/api/conversations/${conversation.id}/messages`, { kind: 'text', body: '', mediaId: upload.id }), 201);
    const atTwilio = await simulator.waitForSent((m) => m.to === `whatsapp:${customer}` && m.mediaUrls.length === 1);
    expect(atTwilio.mediaUrls[0]).toMatch(new RegExp(`^${server.baseUrl}/media/${upload.id}/`));
    const downloaded = await eventually(async () => simulator.sentMessages().find((m) => m.sid === atTwilio.sid && m.media.length === 1));
    expect(downloaded.media[0]!.bytes.equals(png)).toBe(true);
  });

  it('shows a customer’s attachment to a signed-in user by fetching it from Twilio', async () => {
    const customer = freshNumber();
    const png = samplePng();
    await simulator.sendInbound({ accountSid: channel.account.accountSid, from: customer, to: channel.number, media: [{ contentType: 'image/png', bytes: png }] });
    const page = await json<ConversationPage>(await admin.fetch(url(`/api/conversations?queueId=${channel.fallbackQueue.id}`)));
    const conversation = page.items.find((c) => c.customer.phone === customer)!;
    const history = await json<MessagePage>(await admin.fetch(url(`/api/conversations/${conversation.id}/messages`)));
    const media = history.items[0]!.media[0]!;
    const response = await admin.fetch(url(media.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
  });

  it('verifies credentials: ok, refused, suspended, unreachable', async () => {
    expect(await json<VerifyResult>(await post(`/api/whatsapp-accounts/${channel.account.id}/verify`))).toMatchObject({
      ok: true,
      outcome: 'ok',
      friendlyName: 'Contoso on the simulator',
      errorCode: null,
    });

    const wrong = await createChannel(server, admin.fetch);
    simulator.addAccount({ accountSid: wrong.account.accountSid, authToken: newAuthToken() });
    expect(await json<VerifyResult>(await post(`/api/whatsapp-accounts/${wrong.account.id}/verify`))).toMatchObject({ ok: false, outcome: 'rejected', errorCode: '20003', friendlyName: null });

    const suspended = await createChannel(server, admin.fetch);
    simulator.addAccount({ accountSid: suspended.account.accountSid, authToken: suspended.authToken, status: 'suspended' });
    expect(await json<VerifyResult>(await post(`/api/whatsapp-accounts/${suspended.account.id}/verify`))).toMatchObject({ ok: false, outcome: 'suspended' });
    const closed = await createChannel(server, admin.fetch);
    simulator.addAccount({ accountSid: closed.account.accountSid, authToken: closed.authToken, status: 'closed' });
    expect(await json<VerifyResult>(await post(`/api/whatsapp-accounts/${closed.account.id}/verify`))).toMatchObject({ ok: false, outcome: 'closed' });

    const real = server.context.twilio;
    server.context.twilio = createTwilioGateway({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 });
    try {
      expect(await json<VerifyResult>(await post(`/api/whatsapp-accounts/${channel.account.id}/verify`))).toMatchObject({ ok: false, outcome: 'unreachable', errorCode: null });
    } finally {
      server.context.twilio = real;
    }
    const agent = await signedInUser(server, 'agent');
    expect((await agent.fetch(url(`/api/whatsapp-accounts/${channel.account.id}/verify`), { method: 'POST' })).status).toBe(403);
  });

  it('syncs templates: adds, updates from Twilio, keeps local examples, skips what it cannot use, and records it', async () => {
    const first = await json<TemplateSyncResult>(await post(`/api/whatsapp-accounts/${channel.account.id}/templates/sync`));
    expect(first).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    expect(first.skipped).toEqual([{ name: 'klingon_hello', reason: expect.stringContaining('language') }]);
    const listed = async () => (await json<{ items: MessageTemplate[] }>(await admin.fetch(url(`/api/whatsapp-accounts/${channel.account.id}/templates`)))).items;
    const [order, waiting] = [(await listed()).find((t) => t.name === 'order_update')!, (await listed()).find((t) => t.name === 'odotus')!];
    const simTemplates = simulator.account(channel.account.accountSid)!.templates;
    expect(order).toMatchObject({ language: 'en', status: 'approved', category: 'utility', examples: ['Maija', 'A-1'], contentSid: simTemplates[0]!.sid });
    expect(waiting).toMatchObject({ language: 'fi', status: 'pending', body: 'Hei {{1}}, palaamme asiaan pian.' });

    // Local notes, then WhatsApp approves one and the text of the other changes at Twilio.
    const patched = await json<MessageTemplate>(
      await admin.fetch(url(`/api/whatsapp-accounts/${channel.account.id}/templates/${order.id}`), {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ version: order.version, examples: ['Aino', 'Z-9'] }),
      }),
    );
    simTemplates[1]!.approval = 'approved';
    simTemplates[0]!.body = 'Hi {{1}}, order {{2}} left our warehouse.';

    const second = await json<TemplateSyncResult>(await post(`/api/whatsapp-accounts/${channel.account.id}/templates/sync`));
    expect(second).toMatchObject({ added: 0, updated: 2, unchanged: 0 });
    const after = await listed();
    expect(after.find((t) => t.id === order.id)).toMatchObject({ body: 'Hi {{1}}, order {{2}} left our warehouse.', examples: ['Aino', 'Z-9'], version: patched.version + 1 });
    expect(after.find((t) => t.id === waiting.id)).toMatchObject({ status: 'approved', version: waiting.version + 1 });

    expect(await json<TemplateSyncResult>(await post(`/api/whatsapp-accounts/${channel.account.id}/templates/sync`))).toMatchObject({ added: 0, updated: 0, unchanged: 2 });
    const audit = await json<AuditEventPage>(await admin.fetch(url('/api/audit-events?entityType=template')));
    const ours = audit.items.filter((e) => e.entityId === order.id || e.entityId === waiting.id);
    expect(ours.filter((e) => e.action === 'created')).toHaveLength(2);
    expect(ours.find((e) => e.entityId === waiting.id && e.action === 'updated')?.changedFields).toEqual(['status']);

    // The synced template goes out as Twilio expects.
    const customer = freshNumber();
    await simulator.sendInbound({ accountSid: channel.account.accountSid, from: customer, to: channel.number, body: 'Hello' });
    const page = await json<ConversationPage>(await admin.fetch(url(`/api/conversations?queueId=${channel.fallbackQueue.id}`)));
    const conversation = page.items.find((c) => c.customer.phone === customer)!;
    await json<Message>(await post(`/api/conversations/${conversation.id}/messages`, { kind: 'template', templateId: order.id, variables: ['Maija', 'C-3'] }), 201);
    const atTwilio = await simulator.waitForSent((m) => m.to === `whatsapp:${customer}` && m.contentSid !== null);
    expect(atTwilio).toMatchObject({ contentSid: order.contentSid, contentVariables: { 1: 'Maija', 2: 'C-3' }, body: 'Hi Maija, order C-3 left our warehouse.' });
  });

  it('shows the sandbox checklist and keeps its join code', async () => {
    const sandbox = await createChannel(server, admin.fetch, { numbers: ['+14155238886'], withoutWorkstream: true });
    const status = await json<SandboxStatus>(await admin.fetch(url(`/api/whatsapp-accounts/${sandbox.account.id}/sandbox`)));
    expect(status).toEqual({
      isSandbox: true,
      sandboxNumber: '+14155238886',
      joinCode: null,
      inboundUrl: `${server.baseUrl}/webhooks/twilio/whatsapp/${sandbox.account.id}`,
      statusCallbackUrl: `${server.baseUrl}/webhooks/twilio/status/${sandbox.account.id}`,
      firstInboundAt: null,
      publicUrlIsLocal: true,
    });
    const put = (joinCode: unknown) =>
      admin.fetch(url(`/api/whatsapp-accounts/${sandbox.account.id}/sandbox`), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ joinCode }) });
    expect((await json<SandboxStatus>(await put('join Bright-River'))).joinCode).toBe('bright-river');
    expect((await put('not a code!')).status).toBe(400);
    const audit = await json<AuditEventPage>(await admin.fetch(url('/api/audit-events?entityType=account')));
    expect(audit.items.filter((e) => e.entityId === sandbox.account.id && e.action === 'updated').map((e) => e.changedFields)).toEqual([['sandboxJoinCode']]);

    simulator.addAccount({ accountSid: sandbox.account.accountSid, authToken: sandbox.authToken, inboundUrl: sandbox.account.inboundUrl, sandbox: { joinCode: 'bright-river' } });
    await simulator.sendInbound({ accountSid: sandbox.account.accountSid, from: freshNumber(), to: '+14155238886', body: 'join bright-river' });
    const member = freshNumber();
    await simulator.sendInbound({ accountSid: sandbox.account.accountSid, from: member, to: '+14155238886', body: 'join bright-river' });
    await simulator.sendInbound({ accountSid: sandbox.account.accountSid, from: member, to: '+14155238886', body: 'Hello sandbox' });
    const checked = await json<SandboxStatus>(await admin.fetch(url(`/api/whatsapp-accounts/${sandbox.account.id}/sandbox`)));
    expect(checked.firstInboundAt).not.toBeNull();

    const other = await json<SandboxStatus>(await admin.fetch(url(`/api/whatsapp-accounts/${channel.account.id}/sandbox`)));
    expect(other.isSandbox).toBe(false);
  });

  // Last: it moves the simulator's clock, so Twilio's window and ours disagree for every customer after it.
  it('trusts Twilio’s 63016 over its own clock: the window shows closed and free-form is refused until the customer writes again', async () => {
    const customer = freshNumber();
    await simulator.sendInbound({ accountSid: channel.account.accountSid, from: customer, to: channel.number, body: 'Onko teillä sinistä?' });
    const page = await json<ConversationPage>(await admin.fetch(url(`/api/conversations?queueId=${channel.fallbackQueue.id}`)));
    const conversation = page.items.find((c) => c.customer.phone === customer)!;
    expect(conversation.windowClosedByTwilioAt).toBeNull();

    // Twilio's clock is a day ahead of ours: by its count the customer wrote over 24 hours ago.
    simulator.advanceTime(25 * 60 * 60 * 1000);
    const refused = await json<Message>(await post(`/api/conversations/${conversation.id}/messages`, { kind: 'text', body: 'Katsotaan!' }), 201);
    await eventually(async () => {
      const [row] = await server.context.db.select().from(messages).where(eq(messages.id, refused.id));
      return row?.errorCode === '63016';
    });
    const closed = await json<Conversation>(await admin.fetch(url(`/api/conversations/${conversation.id}`)));
    expect(closed.windowClosedByTwilioAt).toBe(refused.createdAt);
    const again = await post(`/api/conversations/${conversation.id}/messages`, { kind: 'text', body: 'Oletteko siellä?' });
    expect(again.status).toBe(422);
    expect(await again.json()).toMatchObject({ type: problemTypes.windowClosed });
    expect(simulator.sentMessages().filter((m) => m.body === 'Oletteko siellä?')).toHaveLength(0);

    await simulator.sendInbound({ accountSid: channel.account.accountSid, from: customer, to: channel.number, body: 'Olen täällä' });
    await json<Message>(await post(`/api/conversations/${conversation.id}/messages`, { kind: 'text', body: 'Hienoa, sinistä on.' }), 201);
    await simulator.waitForSent((m) => m.body === 'Hienoa, sinistä on.');
  });
});
