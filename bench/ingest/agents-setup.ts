import type { ChannelOptions } from '../../src/testing/server/channel-fixture';
import { signedInUser, type TestServer } from '../../src/testing/server/test-server';

export const LIVE_QUEUES = 10;

/** The customer number of customer n: its fifth digit picks one of ten queues by routing rule. */
export function customerNumber(customer: number): string {
  return `+3584${customer % LIVE_QUEUES}${String(customer).padStart(7, '0')}`;
}

/**
 * Agents spread over ten queues, each signed in, and the routing rules that send a
 * customer to the queue their number's prefix names: as a contact centre splits its team.
 */
export async function setUpAgents(server: TestServer, count: number): Promise<{ cookies: string[]; channel: ChannelOptions }> {
  const queues: Record<string, string[]> = {};
  const cookies: string[] = [];
  for (let n = 0; n < count; n++) {
    const agent = await signedInUser(server, 'agent', `Bench Agent ${n}`);
    (queues[`q${n % LIVE_QUEUES}`] ??= []).push(agent.id);
    cookies.push(agent.cookie);
  }
  const rules = Object.keys(queues).map((queue) => ({
    conditions: [{ field: 'customerPhone' as const, operator: 'startsWith' as const, value: `+3584${queue.slice(1)}` }],
    queue,
  }));
  return { cookies, channel: { queues, rules, distributionMode: 'pick' } };
}
