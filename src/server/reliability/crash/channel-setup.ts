import { CSRF_HEADER } from '@/api/contract/session';
import type { ConversationPage } from '@/api/contract/conversation';
import type { TwilioSimulator } from '@/twilio-sim';
import { createChannel, freshNumber, type Channel } from '../../testing/channel-fixture';
import type { TestServer } from '../../testing/test-server';
import type { ServerProcess } from '../server-process';

export interface CrashChannel {
  channel: Channel;
  /** fetch as the first administrator, who answers the customers too. */
  adminFetch: typeof fetch;
  /** Conversations the customers opened through the simulator: replies may go out in them. */
  conversationIds: string[];
}

/**
 * What a person does on a fresh install: the first administrator through the printed setup link,
 * then a channel through the API, whose Twilio account lives in the simulator; customers write in.
 */
export async function setUpChannel(server: ServerProcess, simulator: TwilioSimulator, customers: number): Promise<CrashChannel> {
  const token = new URL(await server.setupLink()).hash.replace('#token=', '');
  const setup = await fetch(`${server.publicUrl}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, name: 'Crash Admin', email: 'crash.admin@example.test', password: 'a long enough password for the crash test' }),
  });
  if (setup.status !== 200) throw new Error(`Setup: ${setup.status} ${await setup.text()}`);
  const { csrfToken } = (await setup.json()) as { csrfToken: string };
  const cookie = setup.headers.get('set-cookie')!.split(';')[0]!;
  const adminFetch: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('cookie', cookie);
    headers.set(CSRF_HEADER, csrfToken);
    return fetch(input, { ...init, headers });
  };

  // The fixture only needs the address of the server it calls.
  const channel = await createChannel({ baseUrl: server.publicUrl } as TestServer, adminFetch);
  simulator.addAccount({ accountSid: channel.account.accountSid, authToken: channel.authToken, inboundUrl: channel.account.inboundUrl });

  const phones = Array.from({ length: customers }, () => freshNumber());
  for (const from of phones) {
    const sent = await simulator.sendInbound({ accountSid: channel.account.accountSid, from, to: channel.number, body: 'Hello, anyone there?' });
    if (sent.status !== 200) throw new Error(`The simulated customer's message was answered ${sent.status}`);
  }
  const conversationIds = await eventually(async () => {
    const response = await adminFetch(`${server.publicUrl}/api/conversations?queueId=${channel.fallbackQueue.id}&limit=100`);
    const page = (await response.json()) as ConversationPage;
    const ids = phones.map((phone) => page.items.find((conversation) => conversation.customer.phone === phone)?.id);
    return ids.every((id) => id !== undefined) ? (ids as string[]) : undefined;
  });
  return { channel, adminFetch, conversationIds };
}

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error('The customers’ conversations did not appear in time.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
