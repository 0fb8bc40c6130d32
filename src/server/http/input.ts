import type { z } from 'zod';
import { missingBodyDetail } from '@/api/contract/problem-bodies';
import { problems } from './problem';
import { isUuid } from '../db/uuid';

export { isUuid };

/** A body the JSON parser could not use, kept so the route can answer in its own order. */
export class UnreadableBody {
  constructor(readonly detail: string) {}
}

/**
 * The request body checked against a contract schema. A missing or malformed body is a
 * bad request; any JSON value that does not fit is a validation problem.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body === undefined) throw problems.badRequest(missingBodyDetail);
  if (body instanceof UnreadableBody) throw problems.badRequest(body.detail);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw problems.zod(parsed.error, body);
  return parsed.data;
}


/** The id of a path parameter, or a 404 naming what was looked for. */
export function pathId(params: unknown, key: string, what: string): string {
  const value = (params as Record<string, unknown>)[key];
  if (!isUuid(value)) throw problems.notFound(what);
  return value.toLowerCase();
}
