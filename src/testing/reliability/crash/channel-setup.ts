import type { ConversationPage } from '@/api/contract/conversation';
import type { TwilioSimulator } from '@/twilio-sim';
import { createChannel, freshNumber, type Channel } from '../../server/channel-fixture';
import type { TestServer } from '../../server/test-server';
import { eventually, serverApi } from '../server-api';
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
  const api = await serverApi(server, { name: 'Crash Admin', email: 'crash.admin@example.test' });
  // The fixture only needs the address of the server it calls.
  const channel = await createChannel({ baseUrl: server.publicUrl } as TestServer, api.fetch);
  simulator.addAccount({ accountSid: channel.account.accountSid, authToken: channel.authToken, inboundUrl: channel.account.inboundUrl });

  const phones = Array.from({ length: customers }, () => freshNumber());
  for (const from of phones) {
    const sent = await simulator.sendInbound({ accountSid: channel.account.accountSid, from, to: channel.number, body: 'Hello, anyone there?' });
    if (sent.status !== 200) throw new Error(`The simulated customer's message was answered ${sent.status}`);
  }
  const conversationIds = await eventually(async () => {
    const page = await api.json<ConversationPage>('GET', `/api/conversations?queueId=${channel.fallbackQueue.id}&limit=100`);
    const ids = phones.map((phone) => page.items.find((conversation) => conversation.customer.phone === phone)?.id);
    return ids.every((id) => id !== undefined) ? (ids as string[]) : undefined;
  }, 'The customers’ conversations appearing');
  return { channel, adminFetch: api.fetch, conversationIds };
}
