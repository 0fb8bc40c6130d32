// @vitest-environment node
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundJournal, messages } from '../db/schema';
import { createChannel, freshNumber, type Channel } from '../../testing/server/channel-fixture';
import { signedInUser, startTestServer, type TestServer } from '../../testing/server/test-server';
import { newMessageSid } from '../../testing/server/twilio-webhooks';
import type { InboundParams } from '../twilio/webhook-params';
import { createInboundPipeline, retryDelayMs } from './inbound-worker';

function inbound(channel: Channel, body: string): InboundParams {
  const from = freshNumber();
  return {
    messageSid: newMessageSid(),
    from,
    waId: from.slice(1),
    to: channel.number,
    toAddress: `whatsapp:${channel.number}`,
    body,
    profileName: 'Journal Customer',
    media: [],
  };
}

describe('the inbound journal and its worker', () => {
  let server: TestServer;
  let channel: Channel;
  beforeAll(async () => {
    server = await startTestServer('pglite');
    channel = await createChannel(server, (await signedInUser(server, 'admin')).fetch);
  });
  afterAll(() => server?.close());

  const stored = async (sid: string) => (await server.context.db.select({ n: count() }).from(messages).where(eq(messages.twilioSid, sid)))[0]!.n;
  const journalRow = async (sid: string) => (await server.context.db.select().from(inboundJournal).where(eq(inboundJournal.messageSid, sid)))[0];

  it('stores what an instance accepted and could not store before it stopped, at the next start', async () => {
    // As after a crash between the 200 and the worker: the row is in the journal only.
    const message = inbound(channel, 'accepted before the crash');
    await server.context.db.insert(inboundJournal).values({ accountId: channel.account.id, messageSid: message.messageSid, params: message, receivedAt: new Date().toISOString() });
    const next = createInboundPipeline(server.context);
    next.start();
    await next.settled();
    await next.stop();
    expect(await stored(message.messageSid)).toBe(1);
    expect(await journalRow(message.messageSid)).toBeUndefined();
  });

  it('keeps the message time of its arrival, not of its storing', async () => {
    const message = inbound(channel, 'late');
    const receivedAt = new Date(Date.now() - 60_000);
    await server.context.inbound.accept(channel.account.id, message, receivedAt);
    await server.context.inbound.settled();
    const [row] = await server.context.db.select({ createdAt: messages.createdAt }).from(messages).where(eq(messages.twilioSid, message.messageSid));
    expect(new Date(row!.createdAt).getTime()).toBe(receivedAt.getTime());
  });

  it('accepts a repeated MessageSid once, whether it is still in the journal or stored already', async () => {
    const message = inbound(channel, 'twice');
    await Promise.all([server.context.inbound.accept(channel.account.id, message, new Date()), server.context.inbound.accept(channel.account.id, message, new Date())]);
    await server.context.inbound.settled();
    await server.context.inbound.accept(channel.account.id, message, new Date());
    await server.context.inbound.settled();
    expect(await stored(message.messageSid)).toBe(1);
    expect(await journalRow(message.messageSid)).toBeUndefined();
  });

  it('keeps a webhook it cannot store, with the reason, for a later attempt, and stores the others', async () => {
    const broken = { ...inbound(channel, 'broken'), media: null } as unknown as InboundParams;
    const fine = inbound(channel, 'fine');
    await server.context.inbound.accept(channel.account.id, broken, new Date());
    await server.context.inbound.accept(channel.account.id, fine, new Date());
    await server.context.inbound.settled();
    expect(await stored(fine.messageSid)).toBe(1);
    expect(await stored(broken.messageSid)).toBe(0);
    const kept = await journalRow(broken.messageSid);
    expect(kept).toMatchObject({ attempts: 1 });
    expect(kept!.lastError).not.toBe('');
    expect(new Date(kept!.nextAttemptAt).getTime()).toBeGreaterThan(Date.now());
    await server.context.db.delete(inboundJournal).where(eq(inboundJournal.messageSid, broken.messageSid));
  });

  it('drops the webhooks of an account deleted before they were stored', async () => {
    const message = { ...inbound(channel, 'orphan') };
    await server.context.inbound.accept(randomUUID(), message, new Date());
    await server.context.inbound.settled();
    expect(await journalRow(message.messageSid)).toBeUndefined();
    expect(await stored(message.messageSid)).toBe(0);
  });

  it('waits longer after each failure, up to five minutes', () => {
    expect([1, 2, 3, 10, 20].map(retryDelayMs)).toEqual([1_000, 2_000, 4_000, 300_000, 300_000]);
  });
});
