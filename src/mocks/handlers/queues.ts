import { problemDetails, queueInUseDetail, validationProblemBody } from '@/api/contract/problem-bodies';
import { byPriorityThenName } from '@/domain/list-order';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { queueCreateInputSchema, queueUpdateInputSchema } from '@/api/contract/queue';
import { runAssignmentPass } from '../assignment';
import { recordAudit, recordUpdate } from '../audit';
import type { ConversationRuntime } from '../conversation-runtime';
import type { MockDb, StoredQueue } from '../db';
import { newId } from '../ids';
import { toQueue } from '../people';
import { conflict, fieldError, notFound, problem, readJson, validationProblem, versionConflict } from '../problem-responses';
import { queueOverview } from '../queue-overview';
import { queueUsage } from '../views';

/** Queue names are unique whatever their case; the schema has already trimmed them. */
const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** The queue's member and pending lists as the audit log compares them. */
const membershipForAudit = (queue: Pick<StoredQueue, 'memberIds' | 'pendingMembers'>) => ({
  members: queue.memberIds,
  pendingMembers: queue.pendingMembers.map((m) => m.email),
});

export function queuesHandlers(db: MockDb, runtime: ConversationRuntime): HttpHandler[] {
  const findQueue = (id: string) => db.data.queues.find((q) => q.id === id);
  const nameTaken = (name: string, exceptId?: string) => db.data.queues.some((q) => q.id !== exceptId && sameName(q.name, name));
  const taken = () => conflict(problemDetails.queueNameTaken, [fieldError('name', 'queueName.taken')]);
  const view = (queue: StoredQueue) => toQueue(db.data, queue, runtime.now());

  /** Field errors of member ids that name no user, and of e-mails to keep that are not pending. */
  const membershipErrors = (memberIds: readonly string[] | undefined, keepPending: readonly string[] | undefined, queue?: StoredQueue) => [
    ...(memberIds ?? []).flatMap((id, index) => (db.data.users.some((u) => u.id === id) ? [] : [fieldError(`memberIds.${index}`, 'member.unknownUser')])),
    ...(keepPending ?? []).flatMap((email, index) =>
      queue?.pendingMembers.some((m) => m.email === email) ? [] : [fieldError(`pendingMembers.${index}`, 'member.notPending')],
    ),
  ];

  return [
    http.get('/api/queues', () => {
      const items = [...db.data.queues].sort(byPriorityThenName).map(view);
      return HttpResponse.json({ items });
    }),

    http.get('/api/queues/overview', () => HttpResponse.json(queueOverview(db.data, runtime.now()))),

    http.post('/api/queues', async ({ request }) => {
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = queueCreateInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const input = parsed.data;
      const errors = membershipErrors(input.memberIds, undefined);
      if (errors.length > 0) return problem(validationProblemBody(errors));
      if (nameTaken(input.name)) return taken();
      const created = db.write((draft) => {
        const now = new Date().toISOString();
        const stored: StoredQueue = { id: newId(), ...input, pendingMembers: [], createdAt: now, updatedAt: now, version: 1 };
        draft.queues.push(stored);
        recordAudit(draft, 'created', 'queue', stored);
        return stored;
      });
      runAssignmentPass(db, runtime);
      return HttpResponse.json(view(created), { status: 201, headers: { location: `/api/queues/${created.id}` } });
    }),

    http.get('/api/queues/:id', ({ params }) => {
      const queue = findQueue(String(params.id));
      if (!queue) return notFound('queue');
      return HttpResponse.json(view(queue));
    }),

    http.patch('/api/queues/:id', async ({ params, request }) => {
      const id = String(params.id);
      if (!findQueue(id)) return notFound('queue');
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = queueUpdateInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const { version, memberIds, pendingMembers, ...changes } = parsed.data;
      const existing = findQueue(id)!;
      if (existing.version !== version) return versionConflict('queue');
      const errors = membershipErrors(memberIds, pendingMembers, existing);
      if (errors.length > 0) return problem(validationProblemBody(errors));
      if (changes.name !== undefined && nameTaken(changes.name, id)) return taken();
      const updated = db.write((draft) => {
        const stored = draft.queues.find((q) => q.id === id)!;
        const before = { ...structuredClone(stored), ...membershipForAudit(stored) };
        if (changes.name !== undefined) stored.name = changes.name;
        if (changes.priority !== undefined) stored.priority = changes.priority;
        if (changes.operatingHours !== undefined) stored.operatingHours = changes.operatingHours;
        if (memberIds !== undefined) stored.memberIds = memberIds;
        // Only removal: the e-mails left out are no longer pending.
        if (pendingMembers !== undefined) stored.pendingMembers = stored.pendingMembers.filter((m) => pendingMembers.includes(m.email));
        stored.updatedAt = new Date().toISOString();
        stored.version += 1;
        const sentMembership = {
          ...(memberIds !== undefined ? { members: memberIds } : {}),
          ...(pendingMembers !== undefined ? { pendingMembers: membershipForAudit(stored).pendingMembers } : {}),
        };
        recordUpdate(draft, 'queue', stored, before, { ...changes, ...sentMembership });
        return stored;
      });
      // New members, or opening hours that now include the present, may take what waits.
      runAssignmentPass(db, runtime);
      return HttpResponse.json(view(updated));
    }),

    http.delete('/api/queues/:id', ({ params }) => {
      const id = String(params.id);
      if (!findQueue(id)) return notFound('queue');
      const usedBy = queueUsage(db.data, id);
      if (usedBy.length > 0) return conflict(queueInUseDetail(usedBy), [fieldError('usedBy', 'queue.inUse')]);
      db.write((draft) => {
        recordAudit(draft, 'deleted', 'queue', draft.queues.find((q) => q.id === id)!);
        draft.queues = draft.queues.filter((q) => q.id !== id);
      });
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
