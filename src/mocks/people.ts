import type { Queue } from '@/api/contract/queue';
import type { User } from '@/api/contract/user';
import { effectivePresence, type Presence } from '@/domain/work-distribution/presence';
import type { MockData, StoredQueue, StoredUser } from './db';
import { queueUsage } from './views';

/**
 * The presence routing and administrators see. The demo has one browser, so it cannot
 * tell who is around: every user counts as active just now, which makes it the chosen one.
 */
export function presenceOf(user: Pick<StoredUser, 'presence'>, now: Date): Presence {
  return effectivePresence(user.presence, now.toISOString(), now);
}

/** A user as the API shows them: never the password, and the effective presence. */
export function toUser({ password: _password, lastAssignedAt: _lastAssigned, ...user }: StoredUser, now: Date): User {
  return { ...user, presence: presenceOf(user, now) };
}

/** The users a queue's member ids name, in the order they were added; a removed user is no member. */
export function queueMembers(data: Readonly<MockData>, queue: Pick<StoredQueue, 'memberIds'>): StoredUser[] {
  return queue.memberIds.flatMap((id) => data.users.filter((u) => u.id === id));
}

export function toQueue(data: Readonly<MockData>, stored: StoredQueue, now: Date): Queue {
  const { memberIds: _memberIds, ...rest } = stored;
  const members = queueMembers(data, stored).map((user) => ({
    userId: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    presence: presenceOf(user, now),
  }));
  return { ...rest, members, usedBy: queueUsage(data, stored.id) };
}

/** The queues this user is a member of. */
export function memberQueueIds(data: Readonly<MockData>, userId: string): string[] {
  return data.queues.filter((q) => q.memberIds.includes(userId)).map((q) => q.id);
}
