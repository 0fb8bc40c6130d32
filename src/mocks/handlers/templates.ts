import { problemDetails } from '@/api/contract/problem-bodies';
import { byNameThenLanguage } from '@/domain/list-order';
import { http, HttpResponse, type HttpHandler } from 'msw';
import {
  templateCreateInputSchema,
  templateFieldIssues,
  templateUpdateInputSchema,
  type TemplateFields,
} from '@/api/contract/message-template';
import { problemTypes } from '@/api/contract/problem';
import { templateAuditName } from '@/domain/audit-changes';
import { recordAudit, recordUpdate } from '../audit';
import type { MockData, MockDb, StoredTemplate } from '../db';
import { newId } from '../ids';
import { conflict, fieldError, notFound, problem, readJson, validationProblem, versionConflict } from '../problem-responses';


function sameKeyTemplate(data: Readonly<MockData>, key: Pick<StoredTemplate, 'accountId' | 'name' | 'language'>, exceptId?: string) {
  return data.templates.find(
    (t) => t.id !== exceptId && t.accountId === key.accountId && t.name === key.name && t.language === key.language,
  );
}

const takenResponse = () =>
  conflict(problemDetails.templateTaken, [fieldError('name', 'template.taken')]);

/** Field errors that span fields (variables, examples, a reason for a rejection), worded like any other. */
function fieldIssuesProblem(fields: TemplateFields): Response | null {
  const issues = templateFieldIssues(fields);
  if (issues.length === 0) return null;
  return problem({
    type: problemTypes.validation,
    title: 'Some fields need attention',
    status: 400,
    errors: issues.map((issue) => fieldError(issue.path, issue.code)),
  });
}

const auditedTemplate = (template: StoredTemplate) => ({ id: template.id, name: templateAuditName(template) });

/** A reason belongs to a rejection only; any other status clears it. */
const reasonFor = (status: StoredTemplate['status'], reason: string | null) => (status === 'rejected' ? reason : null);

export function templatesHandlers(db: MockDb): HttpHandler[] {
  const accountExists = (id: string) => db.data.accounts.some((a) => a.id === id);
  const findTemplate = (accountId: string, templateId: string) =>
    db.data.templates.find((t) => t.id === templateId && t.accountId === accountId);

  return [
    http.get('/api/whatsapp-accounts/:id/templates', ({ params }) => {
      const accountId = String(params.id);
      if (!accountExists(accountId)) return notFound('account');
      const items = db.data.templates.filter((t) => t.accountId === accountId).sort(byNameThenLanguage);
      return HttpResponse.json({ items });
    }),

    http.post('/api/whatsapp-accounts/:id/templates', async ({ params, request }) => {
      const accountId = String(params.id);
      if (!accountExists(accountId)) return notFound('account');
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = templateCreateInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const input = parsed.data;
      if (sameKeyTemplate(db.data, { accountId, name: input.name, language: input.language })) return takenResponse();

      const created = db.write((draft) => {
        const now = new Date().toISOString();
        const stored: StoredTemplate = {
          id: newId(),
          accountId,
          ...input,
          rejectionReason: reasonFor(input.status, input.rejectionReason),
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        draft.templates.push(stored);
        recordAudit(draft, 'created', 'template', auditedTemplate(stored));
        return stored;
      });
      return HttpResponse.json(created, {
        status: 201,
        headers: { location: `/api/whatsapp-accounts/${accountId}/templates/${created.id}` },
      });
    }),

    http.patch('/api/whatsapp-accounts/:id/templates/:templateId', async ({ params, request }) => {
      const accountId = String(params.id);
      const templateId = String(params.templateId);
      if (!accountExists(accountId)) return notFound('account');
      const existing = findTemplate(accountId, templateId);
      if (!existing) return notFound('template');
      const read = await readJson(request);
      if (!read.ok) return read.response;
      const parsed = templateUpdateInputSchema.safeParse(read.body);
      if (!parsed.success) return validationProblem(parsed.error, read.body);
      const { version, ...changes } = parsed.data;
      if (existing.version !== version) return versionConflict('template');

      const merged: StoredTemplate = { ...existing };
      for (const [key, value] of Object.entries(changes)) {
        if (value !== undefined) Object.assign(merged, { [key]: value });
      }
      merged.rejectionReason = reasonFor(merged.status, merged.rejectionReason);
      const invalid = fieldIssuesProblem(merged);
      if (invalid) return invalid;
      if (sameKeyTemplate(db.data, merged, templateId)) return takenResponse();

      const updated = db.write((draft) => {
        const index = draft.templates.findIndex((t) => t.id === templateId);
        const stored: StoredTemplate = { ...merged, updatedAt: new Date().toISOString(), version: existing.version + 1 };
        draft.templates[index] = stored;
        // Compared as stored: a reason sent with a status other than rejected is dropped, not changed.
        const sent = Object.fromEntries(Object.keys(changes).map((key) => [key, merged[key as keyof StoredTemplate]]));
        recordUpdate(draft, 'template', auditedTemplate(stored), existing, sent);
        return stored;
      });
      return HttpResponse.json(updated);
    }),

    http.delete('/api/whatsapp-accounts/:id/templates/:templateId', ({ params }) => {
      const accountId = String(params.id);
      const templateId = String(params.templateId);
      if (!accountExists(accountId)) return notFound('account');
      if (!findTemplate(accountId, templateId)) return notFound('template');
      db.write((draft) => {
        recordAudit(draft, 'deleted', 'template', auditedTemplate(findTemplate(accountId, templateId)!));
        draft.templates = draft.templates.filter((t) => t.id !== templateId);
      });
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
