import { handOverRemovedBot } from '../bot-turns';
import { problemDetails } from '@/api/contract/problem-bodies';
import { byNameThenCreation } from '@/domain/list-order';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { problemTypes } from '@/api/contract/problem';
import { workstreamCreateInputSchema, workstreamUpdateInputSchema } from '@/api/contract/workstream';
import { runAssignmentPass } from '../assignment';
import { recordAudit, recordUpdate } from '../audit';
import type { ConversationRuntime } from '../conversation-runtime';
import type { MockDb, StoredWorkstream } from '../db';
import { newId } from '../ids';
import { conflict, fieldError, notFound, problem, readJson, validationProblem, versionConflict } from '../problem-responses';
import { toWorkstream } from '../views';
import { advancedToStore, removedVariablesInUse } from '../workstream-advanced';

/** Workstream names are unique regardless of case and surrounding spaces. */
const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** A field error found after parsing (a reference to a record that does not exist, a fixed value): still a validation problem. */
function invalidField(path: string, code: Parameters<typeof fieldError>[1]): Response {
  return problem({ type: problemTypes.validation, title: 'Some fields need attention', status: 400, errors: [fieldError(path, code)] });
}

const nameTakenResponse = () =>
  conflict(problemDetails.workstreamNameTaken, [fieldError('name', 'workstreamName.taken')]);

export function workstreamsHandlers(db: MockDb, runtime: ConversationRuntime): HttpHandler[] {
  const find = (id: string) => db.data.workstreams.find((w) => w.id === id);
  const queueExists = (id: string) => db.data.queues.some((q) => q.id === id);
  const nameTaken = (name: string, exceptId?: string) => db.data.workstreams.some((w) => w.id !== exceptId && sameName(w.name, name));

  return [
    http.get('/api/workstreams', () => {
      const items = [...db.data.workstreams].sort(byNameThenCreation).map((w) => toWorkstream(db.data, w));
      return HttpResponse.json({ items });
    }),

    http.post('/api/workstreams', async ({ request }) => {
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = workstreamCreateInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const input = parsed.data;
      if (!queueExists(input.fallbackQueueId)) return invalidField('fallbackQueueId', 'queue.notFound');
      if (nameTaken(input.name)) return nameTakenResponse();

      const created = db.write((draft) => {
        const now = new Date().toISOString();
        const stored: StoredWorkstream = {
          ...input,
          advanced: advancedToStore(input.advanced),
          // PUT /api/workstreams/:id/bot connects one.
          bot: null,
          id: newId(),
          whatsapp: null,
          routing: { rules: [], version: 1, updatedAt: now },
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        draft.workstreams.push(stored);
        recordAudit(draft, 'created', 'workstream', stored);
        return stored;
      });
      return HttpResponse.json(toWorkstream(db.data, created), {
        status: 201,
        headers: { location: `/api/workstreams/${created.id}` },
      });
    }),

    http.get('/api/workstreams/:id', ({ params }) => {
      const workstream = find(String(params.id));
      if (!workstream) return notFound('workstream');
      return HttpResponse.json(toWorkstream(db.data, workstream));
    }),

    http.patch('/api/workstreams/:id', async ({ params, request }) => {
      const id = String(params.id);
      if (!find(id)) return notFound('workstream');
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = workstreamUpdateInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const { version, distributionMode, ...changes } = parsed.data;
      const existing = find(id)!;
      if (existing.version !== version) return versionConflict('workstream');
      if (distributionMode !== undefined && distributionMode !== existing.distributionMode) {
        return invalidField('distributionMode', 'distributionMode.fixed');
      }
      if (changes.fallbackQueueId !== undefined && !queueExists(changes.fallbackQueueId)) {
        return invalidField('fallbackQueueId', 'queue.notFound');
      }
      if (changes.name !== undefined && nameTaken(changes.name, id)) return nameTakenResponse();
      const inUse = changes.advanced === undefined ? [] : removedVariablesInUse(existing, changes.advanced);
      if (inUse.length > 0) return problem({ type: problemTypes.validation, title: 'Some fields need attention', status: 400, errors: inUse });

      const updated = db.write((draft) => {
        const stored = draft.workstreams.find((w) => w.id === id)!;
        const before = structuredClone(stored);
        const { advanced, ...plain } = changes;
        for (const [key, value] of Object.entries(plain)) {
          if (value !== undefined) Object.assign(stored, { [key]: value });
        }
        if (advanced !== undefined) stored.advanced = advancedToStore(advanced, before.advanced);
        stored.updatedAt = new Date().toISOString();
        stored.version += 1;
        // The distribution mode is accepted only unchanged, so it is never a change.
        // Quick replies compare with their ids, as stored.
        recordUpdate(draft, 'workstream', stored, before, advanced === undefined ? plain : { ...plain, advanced: stored.advanced });
        return stored;
      });
      // Allowed presences, capacity and the rest decide who may take what waits.
      runAssignmentPass(db, runtime);
      return HttpResponse.json(toWorkstream(db.data, updated));
    }),

    // Allowed with WhatsApp set up and with rules: the number is freed and the rules go with the
    // workstream. The UI names both before it asks for confirmation.
    http.delete('/api/workstreams/:id', ({ params }) => {
      const id = String(params.id);
      if (!find(id)) return notFound('workstream');
      // Its bot goes with it: whoever the bot had goes to agents first, routed while the rules still exist.
      handOverRemovedBot(db, runtime, id, 'the workstream was deleted');
      db.write((draft) => {
        // Its WhatsApp setup and rules go with it: the workstream's event says it all.
        recordAudit(draft, 'deleted', 'workstream', draft.workstreams.find((w) => w.id === id)!);
        draft.workstreams = draft.workstreams.filter((w) => w.id !== id);
      });
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
