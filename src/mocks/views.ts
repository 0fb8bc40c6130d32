import type { Usage } from '@/api/contract/usage';
import type { Workstream } from '@/api/contract/workstream';
import type { MockData, StoredWorkstream } from './db';

/** Workstreams that fall back to the queue and rules that send conversations to it. */
export function queueUsage(data: Readonly<MockData>, queueId: string): Usage[] {
  return data.workstreams.flatMap((workstream): Usage[] => [
    ...(workstream.fallbackQueueId === queueId ? [{ kind: 'workstream' as const, id: workstream.id, name: workstream.name }] : []),
    ...workstream.routing.rules
      .filter((rule) => rule.queueId === queueId)
      .map((rule) => ({
        kind: 'routingRule' as const,
        workstreamId: workstream.id,
        workstreamName: workstream.name,
        ruleId: rule.id,
        ruleName: rule.name,
      })),
  ]);
}

/** A stored workstream as the API shows it, with the names it refers to looked up. */
export function toWorkstream(data: Readonly<MockData>, stored: StoredWorkstream): Workstream {
  const { routing, whatsapp, ...rest } = stored;
  const queue = data.queues.find((q) => q.id === stored.fallbackQueueId);
  const number = whatsapp ? data.numbers.find((n) => n.id === whatsapp.numberId) : undefined;
  const account = number ? data.accounts.find((a) => a.id === number.accountId) : undefined;
  return {
    ...rest,
    fallbackQueueName: queue?.name ?? '',
    whatsapp:
      whatsapp && number && account
        ? { ...whatsapp, number: number.number, numberName: number.name, accountId: account.id, accountName: account.name }
        : null,
    routingRuleCount: routing.rules.length,
  };
}
