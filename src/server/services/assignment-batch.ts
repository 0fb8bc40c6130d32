import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { agentAssignedAnnouncement } from '@/domain/automated-messages';
import type { PlannedAssignment } from '@/domain/work-distribution/assignment';
import { noteSentence } from '@/domain/work-distribution/notes';
import type { Queryable } from '../db/database';
import { conversations, messages, outbox, users, workstreams } from '../db/schema';
import { isoOrNull } from '../db/timestamps';

export interface Assigned {
  conversationId: string;
  messageIds: string[];
  queuedOutbound: boolean;
}

/**
 * A pass's assignments written as a set, in the caller's (locked) transaction: one UPDATE of the
 * conversations (only those still open and unassigned), one of the agents' last assignment time,
 * one INSERT of the "agent assigned" messages and notes, one of their outbox rows. The same
 * outcome as assigning them one by one, in a handful of statements instead of five each.
 */
export async function writeAssignments(tx: Queryable, planned: readonly PlannedAssignment[], now: Date): Promise<Assigned[]> {
  if (planned.length === 0) return [];
  const at = now.toISOString();
  const agentOf = sql.join(
    planned.map((p) => sql`when ${p.conversationId}::uuid then ${p.agentId}::uuid`),
    sql` `,
  );
  const taken = await tx
    .update(conversations)
    .set({ assigneeId: sql`case ${conversations.id} ${agentOf} end`, releasedBy: null, version: sql`${conversations.version} + 1` })
    .where(
      and(
        inArray(
          conversations.id,
          planned.map((p) => p.conversationId),
        ),
        eq(conversations.status, 'open'),
        isNull(conversations.assigneeId),
      ),
    )
    .returning({
      id: conversations.id,
      assigneeId: conversations.assigneeId,
      workstreamId: conversations.workstreamId,
      language: conversations.language,
      lastInboundAt: conversations.lastInboundAt,
      windowClosedByTwilioAt: conversations.windowClosedByTwilioAt,
    });
  if (taken.length === 0) return [];

  const agentIds = [...new Set(taken.map((row) => row.assigneeId!))];
  const agents = await tx.update(users).set({ lastAssignedAt: at }).where(inArray(users.id, agentIds)).returning({ id: users.id, name: users.name });
  const nameOf = new Map(agents.map((agent) => [agent.id, agent.name]));
  const workstreamIds = [...new Set(taken.flatMap((row) => (row.workstreamId ? [row.workstreamId] : [])))];
  const setups = workstreamIds.length === 0 ? [] : await tx.select({ id: workstreams.id, whatsapp: workstreams.whatsapp }).from(workstreams).where(inArray(workstreams.id, workstreamIds));
  const setupOf = new Map(setups.map((row) => [row.id, row.whatsapp]));

  const rows = taken.flatMap((row): (typeof messages.$inferInsert)[] => {
    const setup = row.workstreamId ? setupOf.get(row.workstreamId) : null;
    const context = { configured: setup?.automatedMessages ?? [], language: row.language, lastInboundAt: isoOrNull(row.lastInboundAt), windowClosedByTwilioAt: isoOrNull(row.windowClosedByTwilioAt), now };
    const announced = agentAssignedAnnouncement(context, nameOf.get(row.assigneeId!) ?? '');
    if (announced === null) return [];
    const base = { conversationId: row.id, createdAt: at, statusUpdatedAt: at };
    if (announced.kind === 'send') return [{ ...base, direction: 'outbound', author: 'automated', body: announced.body, status: 'pending' }];
    return [{ ...base, direction: 'note', author: 'system', body: noteSentence(announced.code, announced.params), note: { code: announced.code, params: announced.params }, status: 'note' }];
  });
  const written = rows.length === 0 ? [] : await tx.insert(messages).values(rows).returning({ id: messages.id, conversationId: messages.conversationId, direction: messages.direction });
  const toSend = written.filter((message) => message.direction === 'outbound');
  if (toSend.length > 0) await tx.insert(outbox).values(toSend.map((message) => ({ messageId: message.id, nextAttemptAt: at, createdAt: at })));

  const messageOf = new Map(written.map((message) => [message.conversationId, message]));
  return taken.map((row) => {
    const message = messageOf.get(row.id);
    return { conversationId: row.id, messageIds: message ? [message.id] : [], queuedOutbound: message?.direction === 'outbound' };
  });
}
