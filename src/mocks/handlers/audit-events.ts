import { http, HttpResponse, type HttpHandler } from 'msw';
import { problemDetails } from '@/api/contract/problem-bodies';
import { auditQuerySchema, type AuditEventPage } from '@/api/contract/audit-event';
import type { MockDb } from '../db';
import { badRequest, validationProblem } from '../problem-responses';

/**
 * GET /api/audit-events, newest first. The cursor is the id of the last event of a page:
 * the next page holds the events recorded before it, so events recorded meanwhile do not
 * shift the pages.
 */
export function auditEventsHandlers(db: MockDb): HttpHandler[] {
  return [
    http.get('/api/audit-events', ({ request }) => {
      const searchParams = Object.fromEntries(new URL(request.url).searchParams);
      const parsed = auditQuerySchema.safeParse(searchParams);
      if (!parsed.success) return validationProblem(parsed.error, searchParams);
      const { entityType, action, actorId, before, limit } = parsed.data;

      const all = db.data.auditEvents;
      const end = before === undefined ? all.length : all.findIndex((e) => e.id === before);
      if (end < 0) return badRequest(problemDetails.unknownCursor);

      const matching = all
        .slice(0, end)
        .reverse()
        .filter(
          (e) =>
            (entityType === undefined || e.entityType === entityType) &&
            (action === undefined || e.action === action) &&
            (actorId === undefined || e.actor.id === actorId),
        );
      const items = matching.slice(0, limit);
      const page: AuditEventPage = { items, nextCursor: matching.length > limit ? items.at(-1)!.id : null };
      return HttpResponse.json(page);
    }),
  ];
}
