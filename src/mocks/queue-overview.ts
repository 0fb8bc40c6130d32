import type { QueueOverview } from '@/api/contract/queue';
import { isOpenAt } from '@/domain/operating-hours';
import { byPriorityThenName } from '@/domain/list-order';
import type { MockData } from './db';
import { presenceOf, queueMembers } from './people';
import { loadOfUser } from './routing-state';

/** GET /api/queues/overview: per queue, what waits in it and who could take it, now. */
export function queueOverview(data: Readonly<MockData>, now: Date): QueueOverview {
  const accounts = new Set(data.accounts.map((a) => a.id));
  const items = [...data.queues].sort(byPriorityThenName).map((queue) => {
    const open = isOpenAt(queue.operatingHours, now);
    const waiting = data.conversations.filter(
      (c) => accounts.has(c.accountId) && c.queueId === queue.id && c.status === 'open' && c.assigneeId === null,
    );
    const oldest = waiting.map((c) => c.queuedAt).sort()[0] ?? null;
    return {
      queueId: queue.id,
      name: queue.name,
      priority: queue.priority,
      open,
      waiting: waiting.length,
      waitingForOpening: open ? 0 : waiting.length,
      oldestWaitingSince: oldest,
      members: queueMembers(data, queue).map((user) => ({
        userId: user.id,
        name: user.name,
        presence: presenceOf(user, now),
        usedCapacity: loadOfUser(data, user, now).units,
        capacity: user.capacity,
      })),
    };
  });
  return { items };
}
