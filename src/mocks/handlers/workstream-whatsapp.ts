import { http, HttpResponse } from 'msw';
import { numberSetUpElsewhereDetail } from '@/api/contract/problem-bodies';
import { problemTypes } from '@/api/contract/problem';
import { whatsAppSetupInputSchema } from '@/api/contract/whatsapp-setup';
import { recordAudit, recordUpdate } from '../audit';
import type { MockDb, StoredWhatsAppSetup } from '../db';
import { conflict, fieldError, notFound, problem, readJson, validationProblem, versionConflict } from '../problem-responses';
import { toWorkstream } from '../views';

/** PUT/DELETE /api/workstreams/:id/whatsapp: the "Set up WhatsApp" result, which binds a number. */
export function workstreamWhatsappHandlers(db: MockDb) {
  const findWorkstream = (id: string) => db.data.workstreams.find((w) => w.id === id);

  return [
    http.put('/api/workstreams/:id/whatsapp', async ({ params, request }) => {
      const id = String(params.id);
      if (!findWorkstream(id)) return notFound('workstream');
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = whatsAppSetupInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const { version, ...input } = parsed.data;
      if (findWorkstream(id)?.version !== version) return versionConflict('workstream');
      if (!db.data.numbers.some((n) => n.id === input.numberId)) {
        // A field of the request names nothing that exists: the caller's input is wrong, not the state.
        return problem({
          type: problemTypes.validation,
          title: 'Some fields need attention',
          status: 400,
          errors: [fieldError('numberId', 'number.notFound')],
        });
      }
      const other = db.data.workstreams.find((w) => w.id !== id && w.whatsapp?.numberId === input.numberId);
      if (other) {
        return conflict(numberSetUpElsewhereDetail(other.name), [
          fieldError('numberId', 'number.bound'),
        ]);
      }
      const updated = db.write((draft) => {
        const stored = draft.workstreams.find((w) => w.id === id)!;
        const now = new Date().toISOString();
        const setup: StoredWhatsAppSetup = { ...input, updatedAt: now };
        // Recorded under the workstream: the setup has no id or name of its own.
        if (stored.whatsapp === null) recordAudit(draft, 'created', 'whatsappSetup', stored);
        else recordUpdate(draft, 'whatsappSetup', stored, stored.whatsapp, input);
        stored.whatsapp = setup;
        stored.updatedAt = now;
        stored.version += 1;
        return stored;
      });
      return HttpResponse.json(toWorkstream(db.data, updated));
    }),

    http.delete('/api/workstreams/:id/whatsapp', ({ params }) => {
      const id = String(params.id);
      const workstream = findWorkstream(id);
      if (!workstream?.whatsapp) return notFound('WhatsApp setup');
      db.write((draft) => {
        const stored = draft.workstreams.find((w) => w.id === id)!;
        recordAudit(draft, 'deleted', 'whatsappSetup', stored);
        stored.whatsapp = null;
        stored.updatedAt = new Date().toISOString();
        stored.version += 1;
      });
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
