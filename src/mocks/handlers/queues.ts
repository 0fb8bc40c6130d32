import { problemDetails, queueInUseDetail } from '@/api/contract/problem-bodies';
import { byPriorityThenName } from '@/domain/list-order';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { queueCreateInputSchema, queueUpdateInputSchema, type Queue } from '@/api/contract/queue';
import { recordAudit, recordUpdate } from '../audit';
import type { MockData, MockDb, StoredQueue } from '../db';
import { newId } from '../ids';
import { conflict, fieldError, notFound, readJson, validationProblem, versionConflict } from '../problem-responses';
import { queueUsage } from '../views';

function toQueue(data: Readonly<MockData>, stored: StoredQueue): Queue {
  return { ...stored, usedBy: queueUsage(data, stored.id) };
}

/** Queue names are unique whatever their case; the schema has already trimmed them. */
const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** Lower priority numbers are handled first; ties in name order, so the list is stable. */

/** One sentence that names every place the queue is used, so the admin knows what to change first. */

export function queuesHandlers(db: MockDb): HttpHandler[] {
  const findQueue = (id: string) => db.data.queues.find((q) => q.id === id);
  const nameTaken = (name: string, exceptId?: string) => db.data.queues.some((q) => q.id !== exceptId && sameName(q.name, name));
  const taken = () => conflict(problemDetails.queueNameTaken, [fieldError('name', 'queueName.taken')]);

  return [
    http.get('/api/queues', () => {
      const items = [...db.data.queues].sort(byPriorityThenName).map((q) => toQueue(db.data, q));
      return HttpResponse.json({ items });
    }),

    http.post('/api/queues', async ({ request }) => {
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = queueCreateInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error);
      const input = parsed.data;
      if (nameTaken(input.name)) return taken();
      const created = db.write((draft) => {
        const now = new Date().toISOString();
        const stored: StoredQueue = { id: newId(), ...input, createdAt: now, updatedAt: now, version: 1 };
        draft.queues.push(stored);
        recordAudit(draft, 'created', 'queue', stored);
        return stored;
      });
      return HttpResponse.json(toQueue(db.data, created), { status: 201, headers: { location: `/api/queues/${created.id}` } });
    }),

    http.get('/api/queues/:id', ({ params }) => {
      const queue = findQueue(String(params.id));
      if (!queue) return notFound('queue');
      return HttpResponse.json(toQueue(db.data, queue));
    }),

    http.patch('/api/queues/:id', async ({ params, request }) => {
      const id = String(params.id);
      if (!findQueue(id)) return notFound('queue');
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = queueUpdateInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error);
      const { version, ...changes } = parsed.data;
      if (findQueue(id)?.version !== version) return versionConflict('queue');
      if (changes.name !== undefined && nameTaken(changes.name, id)) return taken();
      const updated = db.write((draft) => {
        const stored = draft.queues.find((q) => q.id === id)!;
        const before = structuredClone(stored);
        if (changes.name !== undefined) stored.name = changes.name;
        if (changes.priority !== undefined) stored.priority = changes.priority;
        if (changes.members !== undefined) stored.members = changes.members;
        if (changes.operatingHours !== undefined) stored.operatingHours = changes.operatingHours;
        stored.updatedAt = new Date().toISOString();
        stored.version += 1;
        recordUpdate(draft, 'queue', stored, before, changes);
        return stored;
      });
      return HttpResponse.json(toQueue(db.data, updated));
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
